import { hashToken } from '@guichet/accounts/application';
import {
  ConfirmEmail,
  FindTrainerByCardNumber,
  GetProfile,
  ImportTrainerRegistry,
  RegisterAccount,
  RequestPasswordReset,
  ResetPassword,
  SearchAccounts,
  SearchAuditLog,
  SignIn,
  WithdrawRole,
  type ClientInfo,
  type TrainerImportReport,
  type SignInResult,
} from '@guichet/accounts/contracts';
import { Account, AccountId, AccountRepository, Password, PasswordHasher, Username } from '@guichet/accounts/domain';
import { Email, PersonName } from '@guichet/shared/kernel';
import { ConcurrentUpdate, TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { createTestDatabase, lastLinkToken, requestedMails, startAccountsContext } from './support/accounts-test-context';

const client: ClientInfo = { ip: '203.0.113.7', userAgent: 'jest' };
const PASSWORD = 'cheval agrafe pile correcte';
const TRAINER_PASSWORD = 'ma phrase de formateur';
const NEW_TRAINER_PASSWORD = 'une toute nouvelle phrase';
const ADMIN_PASSWORD = 'phrase du personnel admin';

describe('Accounts on PostgreSQL, through the command bus', () => {
  let database: { url: string; drop: () => Promise<void> };
  let app: INestApplicationContext;
  let commands: CommandBus;
  let queries: QueryBus;
  let db: DataSource;
  let adminId: string;
  /** Every secret the tests handled: none may be stored in clear. */
  const secrets: string[] = [PASSWORD, TRAINER_PASSWORD, NEW_TRAINER_PASSWORD, ADMIN_PASSWORD];

  beforeAll(async () => {
    database = await createTestDatabase('accounts');
    app = await startAccountsContext(database.url);
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
    db = app.get(DataSource);
    adminId = await seedAdmin();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /**
   * An active admin with a password, saved through the real repository (no actor exists yet). The only
   * admin of the file's database: tests use it as an actor and never change it.
   */
  async function seedAdmin(): Promise<string> {
    return seedStaff('admin@guichet.test', 'adaadmin', 'admin');
  }

  /** An active staff member with a password, saved through the real repository (of `into`, the file's app by default). */
  async function seedStaff(email: string, username: string, role: 'admin' | 'finance', into: INestApplicationContext = app): Promise<string> {
    const now = new Date();
    const account = Account.createStaff({
      id: AccountId.generate(),
      email: Email.parse(email),
      name: PersonName.of('Ada', 'Admin'),
      username: Username.parse(username),
      roles: [role],
      setPasswordToken: hashToken(`seed-${username}`),
      by: AccountId.generate(),
      now,
    });
    await account.resetPassword(hashToken(`seed-${username}`), Password.create(ADMIN_PASSWORD), into.get(PasswordHasher), now);
    await into.get(AccountRepository).save(account);
    return account.id.value;
  }

  /** The names of the outbox events about one account, oldest first (other tests' events left out). */
  async function outboxNames(accountId: string): Promise<string[]> {
    const rows: { event_name: string }[] = await db.query(`SELECT event_name FROM messaging.outbox WHERE payload->>'accountId' = $1 ORDER BY id`, [accountId]);
    return rows.map((r) => r.event_name);
  }

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
    throw new Error('expected a rejection');
  }

  const signIn = (identifier: string, password: string): Promise<SignInResult> =>
    commands.execute(new SignIn(identifier, password, 'portal', false, client));

  /** A member account registered and confirmed through the commands, as the mailed link would; returns the link's token. */
  async function confirmedMember(email: string, role: 'guardian' | 'owner'): Promise<string> {
    await commands.execute(new RegisterAccount(email, PASSWORD, PASSWORD, role, 'fr', client));
    const token = await lastLinkToken(app, 'accounts.email-confirmation', email);
    secrets.push(token);
    await commands.execute(new ConfirmEmail(token, client));
    return token;
  }

  /** Card series (the three digits before the hyphen) no other test of the run uses: its trainers, usernames and cards are the test's own. */
  let lastSeries = 100;
  const newSeries = (): string => String(++lastSeries);

  /**
   * Imports the test's own registry: Claude Éthier (`<series>-1234`), a row with a bad e-mail, and Céline
   * Ethier (`<series>-5678`), whose username collides with Claude's.
   */
  async function importTrainers(series: string): Promise<{ report: TrainerImportReport; claude: string; celine: string }> {
    const claude = `claude.ethier.${series}@exemple.qc.ca`;
    const celine = `celine.ethier.${series}@exemple.qc.ca`;
    const report = await commands.execute(
      new ImportTrainerRegistry(
        adminId,
        [
          { line: 2, cardNumber: `${series}-1234`, lastName: 'Éthier', firstName: 'Claude', email: claude, certificationExpiresOn: '2027-06-30' },
          { line: 3, cardNumber: `${series}-9999`, lastName: 'Sansmail', firstName: 'Bob', email: 'pas-une-adresse', certificationExpiresOn: '2027-06-30' },
          { line: 4, cardNumber: `${series}-5678`, lastName: 'Ethier', firstName: 'Céline', email: celine, certificationExpiresOn: '2026-12-31' },
        ],
        'fr',
        client,
      ),
    );
    return { report, claude, celine };
  }

  /**
   * The trainer sets a first password from the imported link, signs in twice, then asks a reset by card
   * number and resets it: the two sessions and the used reset token are returned.
   */
  async function resetTrainerPassword(series: string, email: string): Promise<{ first: SignInResult; second: SignInResult; resetToken: string }> {
    const setToken = await lastLinkToken(app, 'accounts.set-password', email);
    secrets.push(setToken);
    await commands.execute(new ResetPassword(setToken, TRAINER_PASSWORD, TRAINER_PASSWORD, 'fr', client));
    const first = await signIn(`ethc${series}`, TRAINER_PASSWORD);
    const second = await signIn(`ethc${series}`, TRAINER_PASSWORD);
    secrets.push(first.sessionToken, second.sessionToken);

    await commands.execute(new RequestPasswordReset('card-number', ` ${series}-1234 `, 'fr', client));
    const resetToken = await lastLinkToken(app, 'accounts.password-reset', email);
    secrets.push(resetToken);
    await commands.execute(new ResetPassword(resetToken, NEW_TRAINER_PASSWORD, NEW_TRAINER_PASSWORD, 'fr', client));
    return { first, second, resetToken };
  }

  it('registers: the account, its integration event and the confirmation mail in the outbox; the link works once', async () => {
    const email = 'parent@exemple.qc.ca';
    await commands.execute(new RegisterAccount(email, PASSWORD, PASSWORD, 'guardian', 'fr', client));

    const [row] = await db.query(`SELECT status, password_hash, roles, version FROM accounts.accounts WHERE email = $1`, [email]);
    expect(row).toMatchObject({ status: 'pending-confirmation', roles: ['guardian'], version: 1 });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const [{ id: accountId }] = await db.query(`SELECT id FROM accounts.accounts WHERE email = $1`, [email]);
    expect(await outboxNames(accountId)).toContain('accounts.account-registered.v1');
    const mails = (await requestedMails(app)).filter((m) => m.to === email);
    expect(mails.map((m) => m.template)).toEqual(['accounts.email-confirmation']);
    expect(String(mails[0].params['link'])).toMatch(/^https:\/\/guichet\.test\/compte\/confirmer#jeton=[\w-]{43}$/);

    const token = await lastLinkToken(app, 'accounts.email-confirmation', email);
    secrets.push(token);
    expect(await signIn(email, PASSWORD).catch((e) => e.code)).toBe('ACCOUNTS.EMAIL_NOT_CONFIRMED');
    await commands.execute(new ConfirmEmail(token, client));
    expect(await codeOf(commands.execute(new ConfirmEmail(token, client)))).toBe('ACCOUNTS.LINK_ALREADY_USED');
    const [confirmed] = await db.query(`SELECT status, version FROM accounts.accounts WHERE email = $1`, [email]);
    expect(confirmed).toEqual({ status: 'active', version: 3 });
    expect(await outboxNames(accountId)).toContain('accounts.account-activated.v1');
  });

  it('signs in with a server-side session that stores the hash of the cookie token, not the token', async () => {
    await confirmedMember('session@exemple.qc.ca', 'guardian');
    const result = await signIn('session@exemple.qc.ca', PASSWORD);
    secrets.push(result.sessionToken);
    const [session] = await db.query(`SELECT token_hash, account_id, revoked_at FROM accounts.sessions WHERE id = $1`, [result.sessionId]);
    expect(session).toEqual({ token_hash: hashToken(result.sessionToken).value, account_id: result.accountId, revoked_at: null });
    const [lastSignIn] = await db.query(`SELECT last_signed_in_at FROM accounts.accounts WHERE id = $1`, [result.accountId]);
    expect(lastSignIn.last_signed_in_at).toBeInstanceOf(Date);
  });

  it('signs the same account in twice at the same moment (a double click, two devices): both get a session', async () => {
    const email = 'double-clic@exemple.qc.ca';
    await confirmedMember(email, 'guardian');

    const results = await Promise.all([signIn(email, PASSWORD), signIn(email, PASSWORD), signIn(email, PASSWORD)]);
    secrets.push(...results.map((result) => result.sessionToken));
    expect(new Set(results.map((result) => result.sessionId)).size).toBe(3);
    const [{ sessions }] = await db.query(`SELECT count(*)::int AS sessions FROM accounts.sessions WHERE account_id = $1 AND revoked_at IS NULL`, [
      results[0].accountId,
    ]);
    expect(sessions).toBe(3);
  });

  it('counts wrong passwords and locks the account after 5, then refuses even the right one the same way', async () => {
    const email = 'distrait@exemple.qc.ca';
    await confirmedMember(email, 'owner');

    for (let i = 1; i <= 5; i++) {
      expect(await codeOf(signIn(email, `mauvais mot de passe ${i}`))).toBe('ACCOUNTS.INVALID_CREDENTIALS');
    }
    const [row] = await db.query(`SELECT failed_sign_ins, locked_until FROM accounts.accounts WHERE email = $1`, [email]);
    expect(row.failed_sign_ins).toBe(5);
    expect(row.locked_until.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await codeOf(signIn(email, PASSWORD))).toBe('ACCOUNTS.INVALID_CREDENTIALS');
    expect(await codeOf(signIn('personne@exemple.qc.ca', PASSWORD))).toBe('ACCOUNTS.INVALID_CREDENTIALS');

    const failures = await db.query(
      `SELECT details->>'reason' AS reason FROM accounts.audit_log WHERE action = 'sign-in-failed' AND identifier = $1 ORDER BY occurred_at, id`,
      [email],
    );
    expect(failures.map((f: { reason: string }) => f.reason)).toEqual([...Array(5).fill('wrong-password'), 'locked']);
  });

  describe('trainers from the registry (each test imports its own, on a card series of its own)', () => {
    it('keeps the good rows, rejects the bad one with its reason, and resolves the username collision', async () => {
      const series = newSeries();
      const { report } = await importTrainers(series);
      expect(report.rows.map((r) => [r.line, r.outcome, r.username, r.error?.field ?? null])).toEqual([
        [2, 'created', `ethc${series}`, null],
        [3, 'rejected', null, 'email'],
        [4, 'created', `ethc${series}-2`, null],
      ]);
      const rows = await db.query(
        `SELECT username, trainer_card_number, certification_expires_on::text AS expires FROM accounts.accounts
          WHERE 'trainer' = ANY (roles) AND trainer_card_number LIKE $1 ORDER BY username`,
        [`${series}-%`],
      );
      expect(rows).toEqual([
        { username: `ethc${series}`, trainer_card_number: `${series}-1234`, expires: '2027-06-30' },
        { username: `ethc${series}-2`, trainer_card_number: `${series}-5678`, expires: '2026-12-31' },
      ]);
      const claudeId = report.rows[0].accountId as string;
      expect(await outboxNames(claudeId)).toContain('accounts.trainer-certified.v1');
      await expect(queries.execute(new FindTrainerByCardNumber(`${series}-1234`))).resolves.toMatchObject({
        username: `ethc${series}`,
        firstName: 'Claude',
        lastName: 'Éthier',
        certificationExpiresOn: '2027-06-30',
        active: false,
      });
    });

    it('resets a password asked by card number: the link works once and ends every other session', async () => {
      const series = newSeries();
      const { claude: email } = await importTrainers(series);
      const { first, second, resetToken } = await resetTrainerPassword(series, email);
      expect(await codeOf(commands.execute(new ResetPassword(resetToken, NEW_TRAINER_PASSWORD, NEW_TRAINER_PASSWORD, 'fr', client)))).toBe(
        'ACCOUNTS.LINK_ALREADY_USED',
      );

      const sessions = await db.query(`SELECT revoked_reason FROM accounts.sessions WHERE id = ANY ($1::uuid[]) ORDER BY id`, [
        [first.sessionId, second.sessionId],
      ]);
      expect(sessions).toEqual([{ revoked_reason: 'password-reset' }, { revoked_reason: 'password-reset' }]);
      expect(await codeOf(signIn(`ethc${series}`, TRAINER_PASSWORD))).toBe('ACCOUNTS.INVALID_CREDENTIALS');
      await expect(signIn(`ethc${series}`, NEW_TRAINER_PASSWORD)).resolves.toMatchObject({ accountId: first.accountId });
      expect((await requestedMails(app)).filter((m) => m.to === email).map((m) => m.template)).toEqual([
        'accounts.set-password',
        'accounts.password-reset',
        'accounts.password-changed',
      ]);
    });

    it('answers the staff queries from SQL: search (accent-free prefix), profile, audit log', async () => {
      const series = newSeries();
      const { claude } = await importTrainers(series);
      await resetTrainerPassword(series, claude);

      // The series word keeps the search to this test's trainers.
      const found = await queries.execute(new SearchAccounts(adminId, { text: `ethi ${series}`, role: 'trainer', page: 1, pageSize: 10 }));
      expect(found.total).toBe(2);
      expect(found.items.map((i) => i.username)).toEqual([`ethc${series}-2`, `ethc${series}`]);
      const none = await queries.execute(new SearchAccounts(adminId, { text: `thier ${series}`, page: 1, pageSize: 10 }));
      expect(none.total).toBe(0);

      const profile = await queries.execute(new GetProfile(found.items[1].accountId));
      expect(profile).toMatchObject({ username: `ethc${series}`, trainerCardNumber: `${series}-1234`, canEditName: false, pendingEmail: null });

      const audit = await queries.execute(new SearchAuditLog(adminId, { accountId: found.items[1].accountId, page: 1, pageSize: 50 }));
      expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['trainer-imported', 'password-reset-requested', 'password-reset']));
      expect(audit.items[0].occurredAt >= audit.items[audit.items.length - 1].occurredAt).toBe(true);
      expect(await codeOf(queries.execute(new SearchAuditLog(found.items[1].accountId, { page: 1, pageSize: 5 })))).toBe(
        'ACCOUNTS.PERMISSION_DENIED',
      );
    });
  });

  it('creates one account when the same address registers twice at once', async () => {
    const email = 'deux-fois@exemple.qc.ca';
    const results = await Promise.allSettled([
      commands.execute(new RegisterAccount(email, PASSWORD, PASSWORD, 'guardian', 'fr', client)),
      commands.execute(new RegisterAccount(email.toUpperCase(), PASSWORD, PASSWORD, 'owner', 'fr', client)),
    ]);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM accounts.accounts WHERE lower(email) = $1`, [email]);
    expect(count).toBe(1);
    // Either both calls saw no account (the unique index refuses the second save) or one saw the other's.
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.map((f) => f.reason.code).every((code) => code === 'ACCOUNTS.EMAIL_ALREADY_IN_USE')).toBe(true);
  });

  it('refuses a save from a stale copy (optimistic concurrency), writing nothing', async () => {
    const accounts = app.get(AccountRepository);
    // A staff member of its own (not the shared admin, and not an admin: the last-admin test counts them).
    const id = AccountId.from(await seedStaff('stale-copy@guichet.test', 'adastale', 'finance'));
    const first = await accounts.get(id);
    const stale = await accounts.get(id);
    first.rename(PersonName.of('Ada', 'Lovelace'), new Date());
    await accounts.save(first);
    stale.rename(PersonName.of('Ada', 'Byron'), new Date());
    await expect(accounts.save(stale)).rejects.toBeInstanceOf(ConcurrentUpdate);
    expect((await accounts.get(id)).name?.lastName).toBe('Lovelace');
  });

  describe('on a database of its own, whose one admin no other test can add to (or withdraw)', () => {
    let own: { database: { url: string; drop: () => Promise<void> }; app: INestApplicationContext } | undefined;
    let onlyAdminId: string;

    beforeAll(async () => {
      const ownDatabase = await createTestDatabase('accounts_admins');
      own = { database: ownDatabase, app: await startAccountsContext(ownDatabase.url) };
      onlyAdminId = await seedStaff('seule-admin@guichet.test', 'adaseule', 'admin', own.app);
    });

    afterAll(async () => {
      await own?.app.close();
      await own?.database.drop();
    });

    it('never withdraws the last active admin, with the admins locked in the unit of work', async () => {
      const ownApp = (own as { app: INestApplicationContext }).app;
      const accounts = ownApp.get(AccountRepository);
      expect(await codeOf(ownApp.get(CommandBus).execute(new WithdrawRole(onlyAdminId, onlyAdminId, 'admin', client)))).toBe('ACCOUNTS.LAST_ADMINISTRATOR');
      await expect(accounts.lockActiveAdministratorIds()).rejects.toThrow(/unitOfWork\.run/);
      const ids = await ownApp.get(TypeOrmUnitOfWork).run(() => accounts.lockActiveAdministratorIds());
      expect(ids.map((i) => i.value)).toEqual([onlyAdminId]);
    });
  });

  it('stores no password and no token in clear, in any table of the run', async () => {
    // Its own secrets, so that every table has rows and the scan has something to find even alone;
    // the other tests' secrets (collected in `secrets`) are looked for too.
    const mine = [PASSWORD, TRAINER_PASSWORD, NEW_TRAINER_PASSWORD, ADMIN_PASSWORD];
    const member = 'en-clair@exemple.qc.ca';
    mine.push(await confirmedMember(member, 'owner'));
    mine.push((await signIn(member, PASSWORD)).sessionToken, (await signIn(member, PASSWORD)).sessionToken);
    const series = newSeries();
    const { claude } = await importTrainers(series);
    mine.push(await lastLinkToken(app, 'accounts.set-password', claude));
    const { first, second, resetToken } = await resetTrainerPassword(series, claude);
    mine.push(first.sessionToken, second.sessionToken, resetToken);
    expect(mine.length).toBeGreaterThan(10);
    secrets.push(...mine);
    const tables = ['accounts.accounts', 'accounts.action_tokens', 'accounts.sessions', 'accounts.audit_log', 'messaging.outbox'];
    for (const table of tables) {
      const rows: { text: string }[] = await db.query(`SELECT t::text AS text FROM ${table} t`);
      expect(rows.length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(rows.filter((r) => r.text.includes(secret)).map(() => `${table}: ${secret.slice(0, 4)}…`)).toEqual([]);
      }
    }
    const audit: { text: string }[] = await db.query(`SELECT t::text AS text FROM accounts.audit_log t`);
    expect(audit.some((r) => r.text.includes('$argon2'))).toBe(false);
  });
});
