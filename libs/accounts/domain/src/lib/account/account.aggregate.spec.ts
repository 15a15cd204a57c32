import { createHash } from 'node:crypto';
import { Email, LocalDate, PersonName } from '@guichet/shared/kernel';
import { FakePasswordHasher } from '../../testing/fake-password-hasher';
import { Password } from '../password/password.value-object';
import { toPasswordHash } from '../password/password-hasher';
import { AccountId } from './account-id';
import { Account, MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_MS, type TrainerRegistryEntry } from './account.aggregate';
import {
  AccountIsDeactivated,
  CannotDeactivateOwnAccount,
  EmailUnchanged,
  InvalidLink,
  LastAdministrator,
  LinkAlreadyUsed,
  LinkExpired,
  NameManagedByRegistry,
  PasswordRejected,
  RoleNotAllowed,
  TrainerCardConflict,
  WrongCurrentPassword,
} from './accounts.errors';
import { LearnerUserCode } from './learner-user-code.value-object';
import { TokenHash } from './token-hash.value-object';
import { TrainerCardNumber } from './trainer-card-number.value-object';
import { Username } from './username.value-object';

/** The spec's stand-in for the application's `hashToken`. */
const hashOf = (raw: string): TokenHash => TokenHash.fromStored(createHash('sha256').update(raw, 'utf8').digest('hex'));


const t0 = new Date('2026-03-02T14:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;
const staff = AccountId.generate();
const hasher = () => new FakePasswordHasher();
const pw = (plain: string) => Password.create(plain);
const eventNames = (account: Account) => account.pullEvents().map((event) => event.name);

function registered(role: 'guardian' | 'owner' | 'learner' = 'guardian'): Account {
  return Account.register({
    id: AccountId.generate(),
    email: Email.parse('parent@exemple.qc.ca'),
    role,
    passwordHash: toPasswordHash('fake:cheval agrafe pile'),
    learnerUserCode: role === 'learner' ? LearnerUserCode.parse('K7M4Q2XP') : null,
    confirmationToken: hashOf('confirm'),
    now: t0,
  });
}

function active(role: 'guardian' | 'owner' | 'learner' = 'guardian'): Account {
  const account = registered(role);
  account.confirmEmail(hashOf('confirm'), t0);
  account.pullEvents();
  return account;
}

const ethier: TrainerRegistryEntry = {
  cardNumber: TrainerCardNumber.parse('003-1234'),
  name: PersonName.of('Claude', 'Ethier'),
  email: Email.parse('claude.ethier@integratik.com'),
  certificationExpiresOn: LocalDate.parse('2027-06-30'),
};

function importedTrainer(): Account {
  return Account.importTrainer({
    id: AccountId.generate(),
    entry: ethier,
    username: Username.forTrainer(ethier.name, ethier.cardNumber),
    setPasswordToken: hashOf('set'),
    by: staff,
    now: t0,
  });
}

function admin(): Account {
  const account = Account.createStaff({
    id: AccountId.generate(),
    email: Email.parse('admin@guichet.qc.ca'),
    name: PersonName.of('Ada', 'Admin'),
    username: Username.parse('admin'),
    roles: ['admin'],
    setPasswordToken: hashOf('admin-set'),
    by: staff,
    now: t0,
  });
  return account;
}

async function activeAdmin(): Promise<Account> {
  const account = admin();
  await account.resetPassword(hashOf('admin-set'), pw('un mot de passe solide'), hasher(), t0);
  account.pullEvents();
  return account;
}

describe('Account: registration and e-mail confirmation', () => {
  it('registers a guardian waiting for confirmation', () => {
    const account = registered();
    expect(account.status).toBe('pending-confirmation');
    expect(account.roles).toEqual(['guardian']);
    expect(eventNames(account)).toEqual(['AccountRegistered']);
  });

  it('refuses roles one cannot give oneself', () => {
    expect(() =>
      Account.register({
        id: AccountId.generate(),
        email: Email.parse('x@exemple.qc.ca'),
        role: 'admin' as 'guardian',
        passwordHash: toPasswordHash('fake:x'),
        confirmationToken: hashOf('c'),
        now: t0,
      }),
    ).toThrow(RoleNotAllowed);
  });

  it('gives a learner the user code, and refuses a learner without one', () => {
    expect(registered('learner').learnerUserCode?.value).toBe('K7M4Q2XP');
    expect(() =>
      Account.register({
        id: AccountId.generate(),
        email: Email.parse('x@exemple.qc.ca'),
        role: 'learner',
        passwordHash: toPasswordHash('fake:x'),
        confirmationToken: hashOf('c'),
        now: t0,
      }),
    ).toThrow(RoleNotAllowed);
  });

  it('activates with the confirmation link, once', () => {
    const account = registered();
    account.pullEvents();
    account.confirmEmail(hashOf('confirm'), at(MINUTE));
    expect(account.status).toBe('active');
    expect(eventNames(account)).toEqual(['EmailConfirmed']);
    expect(() => account.confirmEmail(hashOf('confirm'), at(2 * MINUTE))).toThrow(LinkAlreadyUsed);
  });

  it('refuses a wrong link and an expired one', () => {
    const account = registered();
    expect(() => account.confirmEmail(hashOf('other'), at(MINUTE))).toThrow(InvalidLink);
    expect(() => account.confirmEmail(hashOf('confirm'), at(24 * 60 * MINUTE))).toThrow(LinkExpired);
    expect(account.status).toBe('pending-confirmation');
  });

  it('keeps only hashes of tokens in its snapshot', () => {
    const snapshot = registered().toSnapshot();
    expect(snapshot.tokens).toHaveLength(1);
    expect(snapshot.tokens[0].hash).toBe(hashOf('confirm').value);
    expect(JSON.stringify(snapshot)).not.toContain('"confirm"');
  });
});

describe('Account: sign-in', () => {
  it('signs in an active account with the right password', async () => {
    const account = active();
    expect(await account.signIn('cheval agrafe pile', hasher(), 'portal', at(MINUTE))).toBe('signed-in');
    expect(account.lastSignedInAt?.toISOString()).toBe(at(MINUTE).toISOString());
  });

  it('refuses a wrong password and counts it', async () => {
    const account = active();
    expect(await account.signIn('nope', hasher(), 'portal', t0)).toBe('wrong-password');
    expect(account.toSnapshot().failedSignIns).toBe(1);
  });

  it(`locks for 15 minutes after ${MAX_FAILED_SIGN_INS} wrong passwords, even for the right one`, async () => {
    const account = active();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await account.signIn('nope', hasher(), 'portal', t0);
    expect(account.isLockedAt(t0)).toBe(true);
    expect(await account.signIn('cheval agrafe pile', hasher(), 'portal', at(SIGN_IN_LOCK_MS - 1))).toBe('locked');
    expect(await account.signIn('cheval agrafe pile', hasher(), 'portal', at(SIGN_IN_LOCK_MS))).toBe('signed-in');
    expect(account.toSnapshot().failedSignIns).toBe(0);
  });

  it('does one hash computation whatever the outcome', async () => {
    const account = active();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await account.signIn('nope', hasher(), 'portal', t0);
    const locked = hasher();
    await account.signIn('cheval agrafe pile', locked, 'portal', t0);
    expect(locked.computations).toBe(1);
    const noPassword = hasher();
    await importedTrainer().signIn('anything at all', noPassword, 'portal', t0);
    expect(noPassword.computations).toBe(1);
  });

  it('refuses an account without a password yet, as a wrong password', async () => {
    expect(await importedTrainer().signIn('anything at all', hasher(), 'portal', t0)).toBe('wrong-password');
  });

  it('says the address is not confirmed only to someone who knows the password', async () => {
    const account = registered();
    expect(await account.signIn('nope', hasher(), 'portal', t0)).toBe('wrong-password');
    expect(await account.signIn('cheval agrafe pile', hasher(), 'portal', t0)).toBe('email-not-confirmed');
  });

  it('refuses a deactivated account', async () => {
    const account = active();
    account.deactivate({ by: staff, activeAdministrators: [staff] }, t0);
    expect(await account.signIn('cheval agrafe pile', hasher(), 'portal', t0)).toBe('deactivated');
  });

  it('lets only staff into the back-office', async () => {
    expect(await active().signIn('cheval agrafe pile', hasher(), 'back-office', t0)).toBe('not-staff');
    const adminAccount = await activeAdmin();
    expect(await adminAccount.signIn('un mot de passe solide', hasher(), 'back-office', t0)).toBe('signed-in');
  });
});

describe('Account: forgotten password', () => {
  it('resets the password with a 30-minute link, lifts the lock, once', async () => {
    const account = active();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await account.signIn('nope', hasher(), 'portal', t0);
    account.requestPasswordReset(hashOf('reset'), t0);
    expect(eventNames(account)).toEqual(['PasswordResetRequested']);
    expect(await account.resetPassword(hashOf('reset'), pw('nouvelle phrase secrète'), hasher(), at(29 * MINUTE))).toBe('reset');
    expect(eventNames(account)).toEqual(['PasswordChanged']);
    expect(account.isLockedAt(at(29 * MINUTE))).toBe(false);
    expect(await account.signIn('nouvelle phrase secrète', hasher(), 'portal', at(30 * MINUTE))).toBe('signed-in');
    await expect(account.resetPassword(hashOf('reset'), pw('encore une autre phrase'), hasher(), at(30 * MINUTE))).rejects.toThrow(
      LinkAlreadyUsed,
    );
  });

  it('refuses the link after 30 minutes', async () => {
    const account = active();
    account.requestPasswordReset(hashOf('reset'), t0);
    await expect(account.resetPassword(hashOf('reset'), pw('nouvelle phrase secrète'), hasher(), at(30 * MINUTE))).rejects.toThrow(
      LinkExpired,
    );
  });

  it('voids the previous link when a new one is asked for', async () => {
    const account = active();
    account.requestPasswordReset(hashOf('first'), t0);
    account.requestPasswordReset(hashOf('second'), at(MINUTE));
    await expect(account.resetPassword(hashOf('first'), pw('nouvelle phrase secrète'), hasher(), at(2 * MINUTE))).rejects.toThrow(
      InvalidLink,
    );
    await expect(account.resetPassword(hashOf('second'), pw('nouvelle phrase secrète'), hasher(), at(2 * MINUTE))).resolves.toBe('reset');
  });

  it('lets an imported trainer set the first password, which proves the address', async () => {
    const account = importedTrainer();
    account.pullEvents();
    expect(await account.resetPassword(hashOf('set'), pw('ma phrase de formateur'), hasher(), at(71 * 60 * MINUTE))).toBe('set');
    expect(account.status).toBe('active');
    expect(eventNames(account)).toEqual(['EmailConfirmed', 'PasswordChanged']);
  });

  it('sends no link to a deactivated account', () => {
    const account = active();
    account.deactivate({ by: staff, activeAdministrators: [staff] }, t0);
    expect(account.canReceivePasswordLink).toBe(false);
    expect(() => account.requestPasswordReset(hashOf('reset'), t0)).toThrow(AccountIsDeactivated);
  });
});

describe('Account: password change in « Profil »', () => {
  it('changes the password when the old one matches', async () => {
    const account = active();
    await account.changePassword('cheval agrafe pile', pw('une toute nouvelle phrase'), hasher(), t0);
    expect(eventNames(account)).toEqual(['PasswordChanged']);
    expect(await account.signIn('une toute nouvelle phrase', hasher(), 'portal', t0)).toBe('signed-in');
  });

  it('refuses a wrong old password', async () => {
    await expect(active().changePassword('pas le bon', pw('une toute nouvelle phrase'), hasher(), t0)).rejects.toThrow(WrongCurrentPassword);
  });

  it('refuses a new password equal to the old one', async () => {
    const account = Account.restore({ ...active().toSnapshot(), passwordHash: 'fake:la même phrase longue' });
    await expect(account.changePassword('la même phrase longue', pw('la même phrase longue'), hasher(), t0)).rejects.toMatchObject({
      constructor: PasswordRejected,
      reason: 'same-as-current',
    });
  });
});

describe('Account: e-mail change', () => {
  it('changes the address once the new one confirms it', () => {
    const account = active();
    const newEmail = Email.parse('nouveau@exemple.qc.ca');
    account.requestEmailChange(newEmail, hashOf('change'), t0);
    expect(account.email.value).toBe('parent@exemple.qc.ca');
    expect(account.pendingEmailFor(hashOf('change'))?.value).toBe('nouveau@exemple.qc.ca');
    const { previous, current } = account.confirmEmailChange(hashOf('change'), at(MINUTE));
    expect([previous.value, current.value]).toEqual(['parent@exemple.qc.ca', 'nouveau@exemple.qc.ca']);
    expect(account.email.value).toBe('nouveau@exemple.qc.ca');
    expect(eventNames(account)).toEqual(['EmailChangeRequested', 'EmailChanged']);
    expect(() => account.confirmEmailChange(hashOf('change'), at(MINUTE))).toThrow(LinkAlreadyUsed);
  });

  it('refuses the same address', () => {
    expect(() => active().requestEmailChange(Email.parse('PARENT@exemple.qc.ca'), hashOf('c'), t0)).toThrow(EmailUnchanged);
  });

  it('does not accept a reset link as an e-mail change link', () => {
    const account = active();
    account.requestPasswordReset(hashOf('reset'), t0);
    expect(() => account.confirmEmailChange(hashOf('reset'), t0)).toThrow(InvalidLink);
  });
});

describe('Account: trainer registry', () => {
  it('creates a trainer with the derived username, the card and a set-password link', () => {
    const account = importedTrainer();
    expect(account.username?.value).toBe('ethc003');
    expect(account.roles).toEqual(['trainer']);
    expect(account.trainer?.cardNumber.value).toBe('003-1234');
    expect(account.hasPassword).toBe(false);
    expect(eventNames(account)).toEqual(['AccountRegistered', 'TrainerCertificationRecorded', 'SetPasswordLinkIssued']);
  });

  it('reports an identical row as unchanged', () => {
    const account = importedTrainer();
    account.pullEvents();
    expect(account.applyRegistryEntry(ethier, null, staff, t0)).toBe('unchanged');
    expect(account.pullEvents()).toEqual([]);
  });

  it('updates the expiry, the name and the e-mail from the registry', () => {
    const account = importedTrainer();
    account.pullEvents();
    const outcome = account.applyRegistryEntry(
      { ...ethier, email: Email.parse('c.ethier@exemple.qc.ca'), certificationExpiresOn: LocalDate.parse('2029-06-30') },
      null,
      staff,
      t0,
    );
    expect(outcome).toBe('updated');
    expect(account.email.value).toBe('c.ethier@exemple.qc.ca');
    expect(account.trainer?.certificationExpiresOn.toString()).toBe('2029-06-30');
    expect(eventNames(account)).toEqual(['EmailChanged', 'TrainerCertificationRecorded']);
  });

  it('attaches the card and the trainer role to a parent with the same e-mail', () => {
    const parent = active();
    parent.applyRegistryEntry({ ...ethier, email: parent.email }, Username.parse('ethc003'), staff, t0);
    expect(parent.roles).toEqual(['trainer', 'guardian']);
    expect(parent.username?.value).toBe('ethc003');
    expect(eventNames(parent)).toEqual(['RoleGranted', 'TrainerCertificationRecorded']);
  });

  it('refuses a row whose account holds another card', () => {
    expect(() => importedTrainer().applyRegistryEntry({ ...ethier, cardNumber: TrainerCardNumber.parse('003-9999') }, null, staff, t0)).toThrow(
      TrainerCardConflict,
    );
  });

  it('keeps a trainer’s name for the registry to change', () => {
    expect(() => importedTrainer().rename(PersonName.of('Claudette', 'Ethier'), t0)).toThrow(NameManagedByRegistry);
    const parent = active();
    parent.rename(PersonName.of('John', 'Lapointe'), t0);
    expect(parent.name?.fullName()).toBe('John Lapointe');
  });
});

describe('Account: roles', () => {
  it('grants a role once', () => {
    const account = active();
    expect(account.grantRole('owner', staff, t0)).toBe(true);
    expect(account.grantRole('owner', staff, t0)).toBe(false);
    expect(eventNames(account)).toEqual(['RoleGranted']);
  });

  it('gives trainer only through the registry, learner only with a code', () => {
    const account = active();
    expect(() => account.grantRole('trainer', staff, t0)).toThrow(RoleNotAllowed);
    expect(() => account.grantRole('learner', staff, t0)).toThrow(RoleNotAllowed);
    expect(account.grantRole('learner', staff, t0, LearnerUserCode.parse('K7M4Q2XP'))).toBe(true);
    expect(account.learnerUserCode?.value).toBe('K7M4Q2XP');
  });

  it('keeps at least one active administrator', async () => {
    const only = await activeAdmin();
    expect(() => only.withdrawRole('admin', { by: only.id, activeAdministrators: [only.id] }, t0)).toThrow(LastAdministrator);
    expect(() => only.deactivate({ by: staff, activeAdministrators: [only.id] }, t0)).toThrow(LastAdministrator);
    const other = AccountId.generate();
    expect(only.withdrawRole('admin', { by: other, activeAdministrators: [only.id, other] }, t0)).toBe(true);
    expect(only.roles).toEqual([]);
  });

  it('lets a pending administrator lose the role: it was not counted as active', () => {
    const pending = admin();
    expect(pending.withdrawRole('admin', { by: staff, activeAdministrators: [] }, t0)).toBe(true);
  });

  it('creates staff accounts with staff roles only', () => {
    expect(() =>
      Account.createStaff({
        id: AccountId.generate(),
        email: Email.parse('x@guichet.qc.ca'),
        name: PersonName.of('X', 'Y'),
        username: null,
        roles: ['guardian' as 'admin'],
        setPasswordToken: hashOf('s'),
        by: staff,
        now: t0,
      }),
    ).toThrow(RoleNotAllowed);
  });
});

describe('Account: deactivation', () => {
  it('deactivates, voids links, and reactivates to the earlier status', () => {
    const account = active();
    account.requestPasswordReset(hashOf('reset'), t0);
    account.pullEvents();
    expect(account.deactivate({ by: staff, activeAdministrators: [staff] }, t0)).toBe(true);
    expect(account.toSnapshot().tokens).toEqual([]);
    expect(account.deactivate({ by: staff, activeAdministrators: [staff] }, t0)).toBe(false);
    expect(account.reactivate(staff, t0)).toBe(true);
    expect(account.status).toBe('active');
    expect(eventNames(account)).toEqual(['AccountDeactivated', 'AccountReactivated']);
    const pending = registered();
    pending.deactivate({ by: staff, activeAdministrators: [staff] }, t0);
    pending.reactivate(staff, t0);
    expect(pending.status).toBe('pending-confirmation');
  });

  it('refuses to deactivate one’s own account', () => {
    const account = active();
    expect(() => account.deactivate({ by: account.id, activeAdministrators: [] }, t0)).toThrow(CannotDeactivateOwnAccount);
  });
});

describe('Account: persistence', () => {
  it('restores what it saved', async () => {
    const account = importedTrainer();
    await account.resetPassword(hashOf('set'), pw('ma phrase de formateur'), hasher(), t0);
    account.markPersisted();
    const snapshot = account.toSnapshot();
    const restored = Account.restore(snapshot);
    expect(restored.toSnapshot()).toEqual(snapshot);
    expect(restored.version).toBe(1);
    expect(restored.hasPendingEvents()).toBe(false);
  });
});
