import { hashToken } from '../shared/hash-token';
import { ConfirmEmail, RegisterAccount } from '@guichet/accounts/contracts';

import { client, codeOf, harness, PASSWORD } from '../../testing/harness';

describe('RegisterAccount and ConfirmEmail', () => {
  it('creates a pending account and mails a confirmation link whose hash only is stored', async () => {
    const h = harness();
    await h.register.execute(new RegisterAccount(' Parent@Exemple.qc.ca ', PASSWORD, PASSWORD, 'guardian', 'fr', client));
    const row = h.accounts.stored('parent@exemple.qc.ca');
    expect(row.status).toBe('pending-confirmation');
    expect(row.roles).toEqual(['guardian']);
    const token = h.mail.lastToken('email-confirmation', 'parent@exemple.qc.ca');
    expect(row.tokens.map((t) => t.hash)).toEqual([hashToken(token).value]);
    expect(JSON.stringify([...h.accounts.rows.values()])).not.toContain(token);
    expect(h.accounts.outbox.map((e) => e.eventName)).toEqual(['accounts.account-registered.v1']);
  });

  it('activates the account with the link, once', async () => {
    const h = harness();
    await h.register.execute(new RegisterAccount('parent@exemple.qc.ca', PASSWORD, PASSWORD, 'guardian', 'fr', client));
    const token = h.mail.lastToken('email-confirmation', 'parent@exemple.qc.ca');
    await h.confirmEmail.execute(new ConfirmEmail(token, client));
    expect(h.accounts.stored('parent@exemple.qc.ca').status).toBe('active');
    expect(await codeOf(h.confirmEmail.execute(new ConfirmEmail(token, client)))).toBe('ACCOUNTS.LINK_ALREADY_USED');
    expect(await codeOf(h.confirmEmail.execute(new ConfirmEmail('made-up', client)))).toBe('ACCOUNTS.LINK_INVALID');
  });

  it('answers a known address the same way, with a notice mail instead of a second account', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    const before = h.hasher.computations;
    await expect(
      h.register.execute(new RegisterAccount('parent@exemple.qc.ca', 'une autre phrase longue', 'une autre phrase longue', 'owner', 'fr', client)),
    ).resolves.toBeUndefined();
    expect(h.accounts.rows.size).toBe(1);
    expect(h.mail.sent.at(-1)).toEqual({ template: 'account-already-exists', to: 'parent@exemple.qc.ca', lang: 'fr' });
    expect(h.hasher.computations - before).toBe(1);
  });

  it('checks « Confirmer le mot de passe » and the password policy', async () => {
    const h = harness();
    expect(await codeOf(h.register.execute(new RegisterAccount('a@exemple.qc.ca', PASSWORD, 'autre chose', 'guardian', 'fr', client)))).toBe(
      'ACCOUNTS.PASSWORD_CONFIRMATION_MISMATCH',
    );
    expect(await codeOf(h.register.execute(new RegisterAccount('a@exemple.qc.ca', 'password123', 'password123', 'guardian', 'fr', client)))).toBe(
      'ACCOUNTS.PASSWORD_REJECTED',
    );
    expect(await codeOf(h.register.execute(new RegisterAccount('a@exemple.qc.ca', 'a@exemple.qc.ca', 'a@exemple.qc.ca', 'guardian', 'fr', client)))).toBe(
      'ACCOUNTS.PASSWORD_REJECTED',
    );
    expect(h.accounts.rows.size).toBe(0);
    expect(h.mail.sent).toEqual([]);
  });

  it('gives a learner a user code', async () => {
    const h = harness();
    await h.register.execute(new RegisterAccount('eleve@exemple.qc.ca', PASSWORD, PASSWORD, 'learner', 'en', client));
    expect(h.accounts.stored('eleve@exemple.qc.ca').learnerUserCode).toBe('K7M4Q2XP');
    expect(h.mail.sent.at(-1)).toMatchObject({ template: 'email-confirmation', lang: 'en' });
  });
});
