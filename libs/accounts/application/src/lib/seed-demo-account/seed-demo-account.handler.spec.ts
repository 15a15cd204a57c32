import { ImportTrainerRegistry, SignIn } from '@guichet/accounts/contracts';
import { SequentialLearnerCodes } from '../../testing/fakes';
import { client, codeOf, harness, type Harness } from '../../testing/harness';
import { SeedDemoAccount, type DemoAccountProfile } from './seed-demo-account.command';
import { SeedDemoAccountHandler } from './seed-demo-account.handler';

const DEMO = 'Demo-Guichet-2026!';
const ADMIN: DemoAccountProfile = { kind: 'staff', roles: ['admin'], firstName: 'Alice', lastName: 'Admin', username: 'admin.demo' };

function setup(): { h: Harness; seed: SeedDemoAccountHandler } {
  const h = harness();
  const seed = new SeedDemoAccountHandler(h.accounts, h.hasher, h.tokens, new SequentialLearnerCodes(), h.audit, h.unitOfWork, h.clock);
  return { h, seed };
}

describe('SeedDemoAccount', () => {
  it('creates an active staff account that signs in to the back-office, without any mail', async () => {
    const { h, seed } = setup();
    const result = await seed.execute(new SeedDemoAccount('admin@exemple.test', DEMO, ADMIN));
    expect(result.outcome).toBe('created');
    const row = h.accounts.stored('admin@exemple.test');
    expect(row).toMatchObject({ status: 'active', roles: ['admin'], username: 'admin.demo', id: result.accountId });
    expect(row.tokens.every((t) => t.consumedAt !== null)).toBe(true);
    await expect(h.signIn.execute(new SignIn('admin.demo', DEMO, 'back-office', false, client))).resolves.toMatchObject({
      accountId: result.accountId,
    });
    expect(h.mail.sent).toEqual([]);
  });

  it('creates confirmed members; a learner gets a user code', async () => {
    const { h, seed } = setup();
    await seed.execute(new SeedDemoAccount('parent@exemple.test', DEMO, { kind: 'member', role: 'guardian' }));
    await seed.execute(new SeedDemoAccount('eleve@exemple.test', DEMO, { kind: 'member', role: 'learner' }));
    expect(h.accounts.stored('parent@exemple.test')).toMatchObject({ status: 'active', roles: ['guardian'], learnerUserCode: null });
    expect(h.accounts.stored('eleve@exemple.test')).toMatchObject({ status: 'active', roles: ['learner'] });
    expect(h.accounts.stored('eleve@exemple.test').learnerUserCode).toMatch(/^[A-Z0-9]{8}$/);
    await expect(h.signInAs('eleve@exemple.test', 'portal', DEMO)).resolves.toHaveProperty('sessionToken');
    expect(h.mail.sent).toEqual([]);
  });

  it('completes an imported trainer: the first password is set and the username signs in', async () => {
    const { h, seed } = setup();
    const adminId = (await seed.execute(new SeedDemoAccount('admin@exemple.test', DEMO, ADMIN))).accountId;
    const report = await h.importRegistry.execute(
      new ImportTrainerRegistry(
        adminId,
        [{ line: 2, cardNumber: '003-1234', lastName: 'Éthier', firstName: 'Claude', email: 'claude.ethier@exemple.test', certificationExpiresOn: '2027-12-31' }],
        'fr',
        client,
      ),
    );
    expect(report.rows[0]?.username).toBe('ethc003');
    const result = await seed.execute(new SeedDemoAccount('claude.ethier@exemple.test', DEMO, { kind: 'existing' }));
    expect(result.outcome).toBe('completed');
    expect(h.accounts.stored('claude.ethier@exemple.test')).toMatchObject({ status: 'active', roles: ['trainer'] });
    await expect(h.signInAs('ethc003', 'portal', DEMO)).resolves.toHaveProperty('sessionToken');
  });

  it('refuses to complete an account that does not exist', async () => {
    const { h, seed } = setup();
    expect(await codeOf(seed.execute(new SeedDemoAccount('nobody@exemple.test', DEMO, { kind: 'existing' })))).toBe('ACCOUNTS.ACCOUNT_NOT_FOUND');
    expect(h.accounts.rows.size).toBe(0);
  });

  it('is idempotent and never resets a password the holder changed', async () => {
    const { h, seed } = setup();
    await seed.execute(new SeedDemoAccount('parent@exemple.test', DEMO, { kind: 'member', role: 'guardian' }));
    const session = await h.signInAs('parent@exemple.test', 'portal', DEMO);
    const mine = 'ma phrase secrète à moi';
    await h.changePassword.execute(h.changePasswordCommand(session.accountId, session.sessionId, DEMO, mine));
    const before = JSON.stringify(h.accounts.stored('parent@exemple.test'));
    const audited = h.audit.entries.length;

    const again = await seed.execute(new SeedDemoAccount('parent@exemple.test', DEMO, { kind: 'member', role: 'guardian' }));

    expect(again).toEqual({ accountId: session.accountId, outcome: 'unchanged' });
    expect(JSON.stringify(h.accounts.stored('parent@exemple.test'))).toBe(before);
    expect(h.audit.entries.length).toBe(audited);
    await expect(h.signInAs('parent@exemple.test', 'portal', mine)).resolves.toHaveProperty('sessionToken');
    expect(await codeOf(h.signInAs('parent@exemple.test', 'portal', DEMO))).toBe('ACCOUNTS.INVALID_CREDENTIALS');
  });

  it('applies the password policy', async () => {
    const { h, seed } = setup();
    expect(await codeOf(seed.execute(new SeedDemoAccount('admin@exemple.test', 'password123', ADMIN)))).toBe('ACCOUNTS.PASSWORD_REJECTED');
    expect(h.accounts.rows.size).toBe(0);
  });
});
