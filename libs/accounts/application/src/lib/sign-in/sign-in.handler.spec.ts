import { hashToken } from '../shared/hash-token';
import { AuthenticateSession, RegisterAccount, SignIn, SignOut } from '@guichet/accounts/contracts';
import { InvalidCredentials, MAX_FAILED_SIGN_INS } from '@guichet/accounts/domain';
import { client, codeOf, harness, PASSWORD } from '../../testing/harness';

const MINUTE = 60_000;

describe('SignIn', () => {
  it('signs in by e-mail and returns a session token whose hash only is stored', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    const result = await h.signInAs('Parent@Exemple.qc.ca');
    expect(result.accountId).toBe(id);
    expect(result.remembered).toBe(false);
    const [stored] = h.sessions.of(id);
    expect(stored.tokenHash).toBe(hashToken(result.sessionToken).value);
    expect(JSON.stringify(stored)).not.toContain(result.sessionToken);
    expect(h.audit.actions()).toContain('sign-in-succeeded');
  });

  it('gives the same error, message and work for an unknown identifier, a wrong password and a locked account', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    const attempt = async (identifier: string, password: string) => {
      const before = h.hasher.computations;
      const error = await h.signIn.execute(new SignIn(identifier, password, 'portal', false, client)).catch((e: unknown) => e);
      return { error, work: h.hasher.computations - before };
    };
    const unknown = await attempt('personne@exemple.qc.ca', PASSWORD);
    const unknownUsername = await attempt('zzzz999', PASSWORD);
    const wrong = await attempt('parent@exemple.qc.ca', 'pas le bon mot de passe');
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) await attempt('parent@exemple.qc.ca', 'pas le bon mot de passe');
    const locked = await attempt('parent@exemple.qc.ca', PASSWORD);
    for (const outcome of [unknown, unknownUsername, wrong, locked]) {
      expect(outcome.error).toBeInstanceOf(InvalidCredentials);
      expect((outcome.error as InvalidCredentials).messageIn('fr')).toBe("Nom d'utilisateur ou mot de passe invalide.");
      expect(outcome.work).toBe(1);
    }
    expect(h.audit.entries.filter((e) => e.action === 'sign-in-failed').map((e) => e.details['reason'])).toEqual([
      'unknown-identifier',
      'unknown-identifier',
      'wrong-password',
      'wrong-password',
      'wrong-password',
      'wrong-password',
      'wrong-password',
      'locked',
    ]);
  });

  it('never writes the typed password in the audit log', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    await h.signIn.execute(new SignIn('parent@exemple.qc.ca', 'secret-mal-tapé-42', 'portal', false, client)).catch(() => undefined);
    await h.signInAs('parent@exemple.qc.ca');
    expect(JSON.stringify(h.audit.entries)).not.toContain('secret-mal-tapé-42');
    expect(JSON.stringify(h.audit.entries)).not.toContain(PASSWORD);
  });

  it('tells an unconfirmed account so, but only with the right password', async () => {
    const h = harness();
    await h.register.execute(new RegisterAccount('new@exemple.qc.ca', PASSWORD, PASSWORD, 'owner', 'fr', client));
    expect(await codeOf(h.signInAs('new@exemple.qc.ca', 'portal', 'pas le bon mot de passe'))).toBe('ACCOUNTS.INVALID_CREDENTIALS');
    expect(await codeOf(h.signInAs('new@exemple.qc.ca'))).toBe('ACCOUNTS.EMAIL_NOT_CONFIRMED');
  });

  it('keeps the back-office for staff', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    await h.activeStaff('commis@guichet.qc.ca', ['card-clerk']);
    expect(await codeOf(h.signInAs('parent@exemple.qc.ca', 'back-office'))).toBe('ACCOUNTS.NOT_STAFF');
    await expect(h.signInAs('commis@guichet.qc.ca', 'back-office')).resolves.toMatchObject({ remembered: false });
  });

  it('rotates: the cookie the browser had is revoked', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    const first = await h.signInAs('parent@exemple.qc.ca');
    const second = await h.signIn.execute(new SignIn('parent@exemple.qc.ca', PASSWORD, 'portal', false, client, first.sessionToken));
    expect(h.sessions.of(id).find((s) => s.id === first.sessionId)?.revokedReason).toBe('rotated');
    expect(await h.authenticate.execute(new AuthenticateSession(first.sessionToken, 'portal'))).toBeNull();
    expect(await h.authenticate.execute(new AuthenticateSession(second.sessionToken, 'portal'))).not.toBeNull();
  });

  it('honours « Restez connecté pour 14 jours »', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    const result = await h.signInAs('parent@exemple.qc.ca', 'portal', PASSWORD, true);
    expect(result.remembered).toBe(true);
    expect(result.absoluteExpiresAt).toBe('2026-03-16T14:00:00.000Z');
  });
});

describe('AuthenticateSession and SignOut', () => {
  it('returns the principal with the current roles and ends after 30 minutes idle', async () => {
    const h = harness();
    const id = await h.activeMember('parent@exemple.qc.ca');
    const { sessionToken } = await h.signInAs('parent@exemple.qc.ca');
    h.clock.advance(29 * MINUTE);
    expect(await h.authenticate.execute(new AuthenticateSession(sessionToken, 'portal'))).toMatchObject({
      accountId: id,
      roles: ['guardian'],
      email: 'parent@exemple.qc.ca',
      channel: 'portal',
    });
    h.clock.advance(29 * MINUTE);
    expect(await h.authenticate.execute(new AuthenticateSession(sessionToken, 'portal'))).not.toBeNull();
    h.clock.advance(30 * MINUTE);
    expect(await h.authenticate.execute(new AuthenticateSession(sessionToken, 'portal'))).toBeNull();
  });

  it('refuses a session used on the other channel, and an unknown token', async () => {
    const h = harness();
    await h.activeStaff('admin@guichet.qc.ca', ['admin']);
    const { sessionToken } = await h.signInAs('admin@guichet.qc.ca', 'back-office');
    expect(await h.authenticate.execute(new AuthenticateSession(sessionToken, 'portal'))).toBeNull();
    expect(await h.authenticate.execute(new AuthenticateSession('nope', 'back-office'))).toBeNull();
    expect(await h.authenticate.execute(new AuthenticateSession(sessionToken, 'back-office'))).not.toBeNull();
  });

  it('signs out on the server', async () => {
    const h = harness();
    await h.activeMember('parent@exemple.qc.ca');
    const { sessionToken } = await h.signInAs('parent@exemple.qc.ca');
    await h.signOut.execute(new SignOut(sessionToken, client));
    expect(await h.authenticate.execute(new AuthenticateSession(sessionToken, 'portal'))).toBeNull();
    expect(h.audit.actions()).toContain('signed-out');
    await expect(h.signOut.execute(new SignOut(sessionToken, client))).resolves.toBeUndefined();
  });
});
