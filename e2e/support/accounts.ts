import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';

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
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${maildevUrl()}/email`);
    const mails = ((await response.json()) as CaughtMail[]).filter((mail) =>
      mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()),
    );
    if (mails.length >= count) return mails[count - 1];
    if (Date.now() > deadline) throw new Error(`no mail #${count} to ${address} within ${timeoutMs} ms (got ${mails.length})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
  const baseUrl = process.env['E2E_BASE_URL'] ?? 'http://localhost:3000';
  const result = spawnSync(process.execPath, [path.resolve(process.cwd(), 'dist/apps/api/main.js')], {
    env: { ...process.env, RUN_MODE: 'seed-demo', PUBLIC_URL: baseUrl, LOG_LEVEL: 'warn' },
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

/**
 * A confirmed parent account made through the API (registration with a solved bot check, then the
 * mailed confirmation link), for tests whose subject is something else.
 */
export async function createConfirmedMember(request: APIRequestContext, email: string, password: string): Promise<void> {
  await request.get('/api/auth/csrf');
  const headers = await xsrfHeader(request);
  const registered = await request.post('/api/accounts/registrations', {
    headers,
    data: { email, password, passwordConfirmation: password, altcha: await solveAltcha(request) },
  });
  expect(registered.status(), await registered.text()).toBe(202);
  const token = new URL(linkIn(await waitForMail(email), '/compte/confirmer')).hash.replace('#jeton=', '');
  const confirmed = await request.post('/api/accounts/email-confirmations', { headers, data: { token: decodeURIComponent(token) } });
  expect(confirmed.status(), await confirmed.text()).toBe(204);
}

/** The XSRF header a state-changing call needs, from the context's own cookie. */
export async function xsrfHeader(context: APIRequestContext): Promise<Record<string, string>> {
  const value = (await context.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  return { 'X-XSRF-TOKEN': value };
}

/**
 * A demo account's API session apart from the page's cookies: `portal` for the trainer or parent,
 * `back-office` for staff. The caller disposes of it.
 */
export async function apiSession(login: string, channel: 'portal' | 'back-office'): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: process.env['E2E_BASE_URL'] ?? 'http://localhost:3000' });
  await context.get('/api/auth/csrf');
  const signedIn = await context.post('/api/auth/sign-in', {
    headers: await xsrfHeader(context),
    data: { login, password: DEMO_PASSWORD, remember: false, channel },
  });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return context;
}
