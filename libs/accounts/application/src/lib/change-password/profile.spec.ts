import { AuthenticateSession, ChangeName, ConfirmEmailChange, GetProfile, RequestEmailChange } from '@guichet/accounts/contracts';
import { client, codeOf, harness, PASSWORD } from '../../testing/harness';

const NEW_PASSWORD = 'une toute nouvelle phrase';

describe('ChangePassword (« Profil »)', () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    const here = await h.signInAs('parent@exemple.qc.ca');
    const elsewhere = await h.signInAs('parent@exemple.qc.ca');
    await h.changePassword.execute(h.changePasswordCommand(id, here.sessionId, PASSWORD, NEW_PASSWORD));
    expect(await h.authenticate.execute(new AuthenticateSession(here.sessionToken, 'portal'))).not.toBeNull();
    expect(await h.authenticate.execute(new AuthenticateSession(elsewhere.sessionToken, 'portal'))).toBeNull();
    await expect(h.signInAs('parent@exemple.qc.ca', 'portal', NEW_PASSWORD)).resolves.toBeDefined();
    expect(h.mail.sent.at(-1)).toMatchObject({ template: 'password-changed' });
    expect(h.audit.actions()).toContain('password-changed');
  });

  it('refuses a wrong « Ancien mot de passe » and a new password equal to the old', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    const { sessionId } = await h.signInAs('parent@exemple.qc.ca');
    expect(await codeOf(h.changePassword.execute(h.changePasswordCommand(id, sessionId, 'pas le bon', NEW_PASSWORD)))).toBe(
      'ACCOUNTS.WRONG_CURRENT_PASSWORD',
    );
    expect(await codeOf(h.changePassword.execute(h.changePasswordCommand(id, sessionId, PASSWORD, PASSWORD)))).toBe(
      'ACCOUNTS.PASSWORD_REJECTED',
    );
    await expect(h.signInAs('parent@exemple.qc.ca')).resolves.toBeDefined();
  });
});

describe('RequestEmailChange and ConfirmEmailChange', () => {
  it('changes the address once the new one confirms, and tells the old one', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    await h.requestEmailChange.execute(new RequestEmailChange(id, 'nouveau@exemple.qc.ca', 'fr', client));
    expect(h.accounts.stored('parent@exemple.qc.ca').id).toBe(id);
    const token = h.mail.lastToken('email-change-confirmation', 'nouveau@exemple.qc.ca');
    await h.confirmEmailChange.execute(new ConfirmEmailChange(token, 'fr', client));
    expect(h.accounts.stored('nouveau@exemple.qc.ca').id).toBe(id);
    expect(h.mail.sent.at(-1)).toEqual({ template: 'email-changed', to: 'parent@exemple.qc.ca', lang: 'fr', newEmailMasked: 'n••••••@exemple.qc.ca' });
    expect(h.accounts.outbox.at(-1)).toMatchObject({ eventName: 'accounts.email-changed.v1', payload: { accountId: id, email: 'nouveau@exemple.qc.ca' } });
    expect(await codeOf(h.confirmEmailChange.execute(new ConfirmEmailChange(token, 'fr', client)))).toBe('ACCOUNTS.LINK_ALREADY_USED');
  });

  it('refuses an address another account uses, at request and at confirmation', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    await h.activeMember('autre@exemple.qc.ca');
    expect(await codeOf(h.requestEmailChange.execute(new RequestEmailChange(id, 'autre@exemple.qc.ca', 'fr', client)))).toBe(
      'ACCOUNTS.EMAIL_ALREADY_IN_USE',
    );
    await h.requestEmailChange.execute(new RequestEmailChange(id, 'libre@exemple.qc.ca', 'fr', client));
    const token = h.mail.lastToken('email-change-confirmation', 'libre@exemple.qc.ca');
    await h.activeMember('libre@exemple.qc.ca');
    expect(await codeOf(h.confirmEmailChange.execute(new ConfirmEmailChange(token, 'fr', client)))).toBe('ACCOUNTS.EMAIL_ALREADY_IN_USE');
  });
});

describe('ChangeName and GetProfile', () => {
  it('sets « Nom » and « Prénom » and reads them back in « Profil »', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    await h.changeName.execute(new ChangeName(id, 'John', 'Lapointe'));
    expect(await h.getProfile.execute(new GetProfile(id))).toMatchObject({ firstName: 'John', lastName: 'Lapointe', canEditName: true });
  });

  it('says AccountNotFound for an unknown or malformed id', async () => {
    const h = harness();
    expect(await codeOf(h.getProfile.execute(new GetProfile('not-an-id')))).toBe('ACCOUNTS.ACCOUNT_NOT_FOUND');
    expect(await codeOf(h.getProfile.execute(new GetProfile('0190a4d2-8c4b-7cde-8f00-000000000000')))).toBe('ACCOUNTS.ACCOUNT_NOT_FOUND');
  });
});
