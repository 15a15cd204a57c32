import { hashToken } from '../shared/hash-token';
import { AuthenticateSession, DeactivateAccount, RequestPasswordReset, ResetPassword } from '@guichet/accounts/contracts';
import { Account, AccountId, TrainerCardNumber, Username } from '@guichet/accounts/domain';
import { Email, LocalDate, PersonName } from '@guichet/shared/kernel';
import { client, codeOf, harness, PASSWORD, type Harness } from '../../testing/harness';

const MINUTE = 60_000;
const NEW_PASSWORD = 'une nouvelle phrase de passe';

async function trainerWithPassword(h: Harness): Promise<string> {
  const entry = {
    cardNumber: TrainerCardNumber.parse('003-1234'),
    name: PersonName.of('Claude', 'Éthier'),
    email: Email.parse('claude.ethier@integratik.com'),
    certificationExpiresOn: LocalDate.parse('2027-06-30'),
  };
  const account = Account.importTrainer({
    id: AccountId.generate(),
    entry,
    username: Username.forTrainer(entry.name, entry.cardNumber),
    setPasswordToken: hashToken('seed'),
    by: AccountId.generate(),
    now: h.clock.now(),
  });
  await h.accounts.save(account);
  await h.resetWith('seed', PASSWORD);
  return account.id.value;
}

describe('RequestPasswordReset', () => {
  it('mails a trainer a link found by card number, typed as on the card', async () => {
    const h = harness();
    await trainerWithPassword(h);
    await h.requestReset.execute(new RequestPasswordReset('card-number', 'ETHC003-1234', 'fr', client));
    expect(h.mail.sent.at(-1)).toMatchObject({ template: 'password-reset', to: 'claude.ethier@integratik.com', username: 'ethc003' });
  });

  it('mails anyone a link found by e-mail', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    await h.requestReset.execute(new RequestPasswordReset('email', 'PARENT@exemple.qc.ca', 'fr', client));
    expect(h.mail.sent.at(-1)).toMatchObject({ template: 'password-reset', to: 'parent@exemple.qc.ca' });
  });

  it.each([
    ['email', 'personne@exemple.qc.ca'],
    ['email', 'pas une adresse'],
    ['card-number', '999-9999'],
    ['card-number', 'n’importe quoi'],
  ] as const)('answers %s %p the same way, without a mail', async (by, value) => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    const mailsBefore = h.mail.sent.length;
    await expect(h.requestReset.execute(new RequestPasswordReset(by, value, 'fr', client))).resolves.toBeUndefined();
    expect(h.mail.sent.length).toBe(mailsBefore);
    expect(h.audit.entries.at(-1)).toMatchObject({ action: 'password-reset-requested', accountId: null, details: { sent: false } });
  });

  it('sends nothing to a deactivated account', async () => {
    const h = harness();
    const adminId = await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const id = await h.activeMember('parent@exemple.qc.ca');
    await h.deactivate.execute(new DeactivateAccount(adminId, id, client));
    const mailsBefore = h.mail.sent.length;
    await h.requestReset.execute(new RequestPasswordReset('email', 'parent@exemple.qc.ca', 'fr', client));
    expect(h.mail.sent.length).toBe(mailsBefore);
  });
});

describe('ResetPassword', () => {
  it('sets the new password, ends every session, and the link works once', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    const session = await h.signInAs('parent@exemple.qc.ca');
    await h.requestReset.execute(new RequestPasswordReset('email', 'parent@exemple.qc.ca', 'fr', client));
    const token = h.mail.lastToken('password-reset', 'parent@exemple.qc.ca');
    await h.resetWith(token, NEW_PASSWORD);
    expect(h.sessions.of(id).every((s) => s.revokedReason === 'password-reset')).toBe(true);
    expect(await h.authenticate.execute(new AuthenticateSession(session.sessionToken, 'portal'))).toBeNull();
    await expect(h.signInAs('parent@exemple.qc.ca', 'portal', NEW_PASSWORD)).resolves.toBeDefined();
    expect(await codeOf(h.resetWith(token, 'encore une autre phrase'))).toBe('ACCOUNTS.LINK_ALREADY_USED');
    expect(h.mail.sent.at(-1)).toMatchObject({ template: 'password-changed', to: 'parent@exemple.qc.ca' });
    expect(h.unitOfWork.runs).toBeGreaterThan(0);
  });

  it('refuses the link after 30 minutes', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    await h.requestReset.execute(new RequestPasswordReset('email', 'parent@exemple.qc.ca', 'fr', client));
    h.clock.advance(30 * MINUTE);
    expect(await codeOf(h.resetWith(h.mail.lastToken('password-reset', 'parent@exemple.qc.ca'), NEW_PASSWORD))).toBe('ACCOUNTS.LINK_EXPIRED');
  });

  it('checks the confirmation and the policy, with the e-mail among the forbidden passwords', async () => {
    const h = harness();
    await trainerWithPassword(h);
    await h.requestReset.execute(new RequestPasswordReset('card-number', '003-1234', 'fr', client));
    const token = h.mail.lastToken('password-reset', 'claude.ethier@integratik.com');
    expect(await codeOf(h.resetPassword.execute(new ResetPassword(token, NEW_PASSWORD, 'autre', 'fr', client)))).toBe(
      'ACCOUNTS.PASSWORD_CONFIRMATION_MISMATCH',
    );
    expect(await codeOf(h.resetWith(token, 'Claude.Ethier@integratik.com'))).toBe('ACCOUNTS.PASSWORD_REJECTED');
    await expect(h.resetWith(token, NEW_PASSWORD)).resolves.toBeUndefined();
  });

  it('refuses a made-up link', async () => {
    expect(await codeOf(harness().resetWith('made-up', NEW_PASSWORD))).toBe('ACCOUNTS.LINK_INVALID');
  });
});
