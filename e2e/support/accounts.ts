import { spawnSync } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { until } from './until';

/** One mail as maildev's REST API returns it. */
export interface CaughtMail {
  readonly id: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly to: readonly { readonly address: string }[];
}

/** A fresh address per test, so parallel tests and reruns never share an account. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@exemple.test`;
}

/** `length` random lowercase letters: names no other test (or run) uses. */
export function randomLetters(length: number): string {
  return Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join('');
}

/** The api under test (the harness's E2E_BASE_URL). */
export function baseUrl(): string {
  return process.env['E2E_BASE_URL'] ?? 'http://localhost:3000';
}

/** A password the policy accepts (long, not a common one). */
export function strongPassword(label: string): string {
  return `Grenouille-${label}-${Math.random().toString(36).slice(2, 8)}-42!`;
}

/** maildev's REST API (the harness's MAILDEV_URL), without a trailing slash. */
export function maildevUrl(): string {
  const url = process.env['MAILDEV_URL'];
  if (!url) throw new Error('MAILDEV_URL is not set: run the suite through scripts/with-services.mjs --app');
  return url.replace(/\/$/, '');
}

/** Waits (the worker sends mails asynchronously) for the `count`-th mail to `address`, newest last. */
export async function waitForMail(address: string, count = 1, timeoutMs = 20_000): Promise<CaughtMail> {
  const mails = await until(
    async () =>
      ((await (await fetch(`${maildevUrl()}/email`)).json()) as CaughtMail[]).filter((mail) =>
        mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()),
      ),
    (found) => found.length >= count,
    `mail #${count} to ${address}`,
    { timeoutMs, intervalMs: 250 },
  );
  return mails[count - 1];
}

/** The link to `pathname` in the mail's text, e.g. `/compte/confirmer`; it carries `#jeton=…`. */
export function linkIn(mail: CaughtMail, pathname: string): string {
  const escaped = pathname.replace(/[/.-]/g, (c) => `\\${c}`);
  const match = new RegExp(`https?://[^\\s"<>]*${escaped}#jeton=[^\\s"<>]+`).exec(mail.text);
  if (!match) throw new Error(`no ${pathname} link in the mail « ${mail.subject} »:\n${mail.text}`);
  return match[0];
}

/** Signs in through the page as a person would. */
export async function signInThroughPage(page: Page, login: string, password: string, path = '/compte/connexion'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Nom d’utilisateur ou courriel').fill(login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Connexion', exact: true }).click();
}

/** Expects the user's name (or username/e-mail) top right, i.e. signed in. */
export async function expectSignedInAs(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('banner').getByRole('button', { name })).toBeVisible();
}

let seeded = false;

/**
 * The README's demo accounts (one per role), created by the built api's `RUN_MODE=seed-demo` against
 * the suite's database. Idempotent; call it from one serial describe block only.
 */
export function seedDemoAccounts(): void {
  // The harness (scripts/with-services.mjs --app) seeds them once before the suite.
  if (seeded || process.env['E2E_DEMO_SEEDED'] === '1') return;
  const result = spawnSync(process.execPath, [path.resolve(process.cwd(), 'dist/apps/api/main.js')], {
    env: { ...process.env, RUN_MODE: 'seed-demo', PUBLIC_URL: baseUrl(), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`seeding the demo accounts failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  seeded = true;
}

/** Must match DEMO_PASSWORD of apps/api/src/app/demo-data.ts (kept literal: e2e code imports no app code). */
export const DEMO_PASSWORD = 'Demo-Guichet-2026!';


interface AltchaChallenge {
  readonly algorithm: string;
  readonly challenge: string;
  readonly maxnumber?: number;
  readonly salt: string;
  readonly signature: string;
}

/** Solves the API's ALTCHA proof of work in node (what the widget's worker does in the browser). */
async function solveAltcha(request: APIRequestContext): Promise<string> {
  const challenge = (await (await request.get('/api/auth/altcha-challenge')).json()) as AltchaChallenge;
  const algorithm = challenge.algorithm.replace('-', '').toLowerCase();
  for (let number = 0; number <= (challenge.maxnumber ?? 1_000_000); number++) {
    if (createHash(algorithm).update(challenge.salt + number).digest('hex') === challenge.challenge) {
      const solution = { algorithm: challenge.algorithm, challenge: challenge.challenge, number, salt: challenge.salt, signature: challenge.signature };
      return Buffer.from(JSON.stringify(solution)).toString('base64');
    }
  }
  throw new Error('the ALTCHA challenge has no solution');
}

/** The account types « Pas un membre? Inscrivez-vous! » offers. */
export type MemberRole = 'guardian' | 'owner' | 'learner';

/**
 * A confirmed portal account made through the API (registration with a solved bot check, then the
 * mailed confirmation link), for tests whose subject is something else. `guardian` (parent) unless
 * another account type is asked for.
 */
export async function createConfirmedMember(request: APIRequestContext, email: string, password: string, role: MemberRole = 'guardian'): Promise<void> {
  await request.get('/api/auth/csrf');
  const headers = await xsrfHeader(request);
  const registered = await request.post('/api/accounts/registrations', {
    headers,
    data: { email, password, passwordConfirmation: password, altcha: await solveAltcha(request), role },
  });
  expect(registered.status(), await registered.text()).toBe(202);
  const confirmed = await request.post('/api/accounts/email-confirmations', { headers, data: { token: tokenOf(linkIn(await waitForMail(email), '/compte/confirmer')) } });
  expect(confirmed.status(), await confirmed.text()).toBe(204);
}

/** The XSRF header a state-changing call needs, from the context's own cookie. */
export async function xsrfHeader(context: APIRequestContext): Promise<Record<string, string>> {
  const value = (await context.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  return { 'X-XSRF-TOKEN': value };
}

/** A request context of its own (no page's cookies), with its XSRF cookie. The caller disposes of it. */
async function newApiContext(): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl() });
  await context.get('/api/auth/csrf');
  return context;
}

/**
 * An API session apart from the page's cookies: `portal` for trainers and members, `back-office` for
 * staff. The password is the demo one unless given (a fixture account's). The caller disposes of it.
 */
export async function apiSession(login: string, channel: 'portal' | 'back-office', password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const context = await newApiContext();
  const signedIn = await context.post('/api/auth/sign-in', {
    headers: await xsrfHeader(context),
    data: { login, password, remember: false, channel },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return context;
}

/** The token of a mailed `#jeton=…` link, as the page reads it. */
function tokenOf(link: string): string {
  return decodeURIComponent(new URL(link).hash.replace(/^#jeton=/, ''));
}

/**
 * Opens the « set-password » link mailed to `email` (after a staff account is created or a trainer
 * imported) through the API: POST /api/auth/password-resets, what « Nouveau mot de passe » sends.
 * Returns the mail's text (it names the username, if any).
 */
async function setPasswordFromMail(email: string, password: string): Promise<string> {
  const mail = await waitForMail(email);
  const context = await newApiContext();
  try {
    const reset = await context.post('/api/auth/password-resets', {
      headers: await xsrfHeader(context),
      data: { token: tokenOf(linkIn(mail, '/compte/nouveau-mot-de-passe')), password, passwordConfirmation: password },
    });
    expect(reset.status(), await reset.text()).toBe(204);
    return mail.text;
  } finally {
    await context.dispose();
  }
}

/** A portal account a test signs in with: `login` is its e-mail. */
export interface MemberAccount {
  readonly login: string;
  readonly email: string;
  readonly password: string;
  readonly role: MemberRole;
}

/** A confirmed portal member of its own (parent unless `role` says otherwise), through the API only. */
export async function createMember(role: MemberRole = 'guardian'): Promise<MemberAccount> {
  const email = uniqueEmail(role === 'guardian' ? 'parent' : role);
  const password = strongPassword(role);
  const context = await newApiContext();
  try {
    await createConfirmedMember(context, email, password, role);
  } finally {
    await context.dispose();
  }
  return { login: email, email, password, role };
}

/** The back-office roles (STAFF_ROLES of the Accounts contracts, kept literal: e2e code imports no app code). */
export type StaffRole = 'admin' | 'card-clerk' | 'registrations-staff' | 'exam-staff' | 'seats-staff' | 'finance';

/** A back-office account a test signs in with (`login` is its e-mail, « Prénom Nom » shows top right). */
export interface StaffAccount {
  readonly accountId: string;
  readonly login: string;
  readonly email: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly roles: readonly StaffRole[];
}

/** A certified trainer of the registry with an account of their own; `login` is the username the import gave. */
export interface TrainerAccount {
  readonly accountId: string;
  readonly login: string;
  readonly password: string;
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

/** A capitalized made-up name no other test (or run) uses, accented like Quebec names often are. */
function uniqueLastName(): string {
  const letters = randomLetters(7);
  return `É${letters}`;
}

/** Where the global setup keeps the account factory's session for the workers (E2E_ACCOUNT_FACTORY_STATE). */
export const ACCOUNT_FACTORY_STATE = 'E2E_ACCOUNT_FACTORY_STATE';

/** The demo admin, the account factory. */
const FACTORY_LOGIN = 'admin@exemple.test';

async function isBackOfficeAdmin(context: APIRequestContext): Promise<boolean> {
  const me = await context.get('/api/auth/me');
  if (me.status() !== 200) return false;
  const body = (await me.json()) as { roles?: string[]; channel?: string };
  return body.channel === 'back-office' && (body.roles ?? []).includes('admin');
}

/**
 * Signs the account factory in and keeps its session in `file` (run once, by the global setup, before
 * any test: the demo admin's sign-ins are throttled to 10 per 15 minutes).
 */
export async function signInAccountFactory(file: string): Promise<void> {
  seedDemoAccounts();
  const context = await apiSession(FACTORY_LOGIN, 'back-office');
  try {
    writeFileSync(file, JSON.stringify(await context.storageState()));
  } finally {
    await context.dispose();
  }
}

/**
 * The account factory: the demo admin's back-office session, which only creates the tests' own
 * accounts (staff, trainers) and is never changed itself. The session the global setup opened; a new
 * sign-in only when there is none (or it ended). The caller disposes of the context.
 */
export async function accountFactory(): Promise<APIRequestContext> {
  const file = process.env[ACCOUNT_FACTORY_STATE];
  if (file) {
    const storageState = JSON.parse(readFileSync(file, 'utf8')) as Awaited<ReturnType<APIRequestContext['storageState']>>;
    const kept = await playwrightRequest.newContext({ baseURL: baseUrl(), storageState });
    if (await isBackOfficeAdmin(kept)) return kept;
    await kept.dispose();
  }
  seedDemoAccounts();
  return apiSession(FACTORY_LOGIN, 'back-office');
}

/**
 * A staff account of its own with `roles`, made by the factory (« Créer un compte du personnel »,
 * POST /api/admin/accounts); its password is set through the mailed set-password link.
 */
export async function createStaff(factory: APIRequestContext, roles: readonly StaffRole[]): Promise<StaffAccount> {
  const email = uniqueEmail(roles.join('-'));
  const firstName = 'Dominique';
  const lastName = uniqueLastName();
  const created = await factory.post('/api/admin/accounts', {
    headers: await xsrfHeader(factory),
    data: { email, firstName, lastName, roles },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { accountId } = (await created.json()) as { accountId: string };
  const password = strongPassword('personnel');
  await setPasswordFromMail(email, password);
  return { accountId, login: email, email, password, firstName, lastName, roles };
}

/** `NNN-NNNNNNNN`: a card number of the registry's format (TrainerCardNumber), three digits then eight. */
function uniqueCardNumber(): string {
  return `${randomInt(100, 1000)}-${String(randomInt(10_000_000, 100_000_000))}`;
}

/**
 * A certified trainer of its own: the factory imports one registry row (POST /api/admin/trainer-imports,
 * `text/csv`) with a fresh card number and name, and the password is set through the mailed link.
 */
export async function createTrainer(factory: APIRequestContext): Promise<TrainerAccount> {
  const cardNumber = uniqueCardNumber();
  const firstName = 'Claude';
  const lastName = uniqueLastName();
  const email = uniqueEmail('formateur');
  const expiry = `${new Date().getFullYear() + 2}-12-31`;
  const imported = await factory.post('/api/admin/trainer-imports', {
    headers: { ...(await xsrfHeader(factory)), 'Content-Type': 'text/csv' },
    data: ['numero_carte,nom,prenom,courriel,expiration', `${cardNumber},${lastName},${firstName},${email},${expiry}`].join('\n'),
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const report = (await imported.json()) as { rows: { outcome: string; accountId: string | null; username: string | null; error: unknown }[] };
  const row = report.rows[0];
  expect(row?.outcome, JSON.stringify(report)).toBe('created');
  const login = row.username ?? '';
  const accountId = row.accountId ?? '';
  const password = strongPassword('formateur');
  const mailText = await setPasswordFromMail(email, password);
  expect(mailText, 'the set-password mail names the username').toContain(login);
  return { accountId, login, password, cardNumber, firstName, lastName, email };
}
