import { AggregateRoot, Email, LocalDate, PersonName } from '@guichet/shared/kernel';
import type { PasswordHasher, PasswordHash } from '../password/password-hasher';
import { toPasswordHash } from '../password/password-hasher';
import type { Password } from '../password/password.value-object';
import { ActionToken, type ActionTokenPurpose, type ActionTokenSnapshot } from './action-token';
import { AccountId } from './account-id';
import {
  AccountDeactivated,
  AccountReactivated,
  AccountRegistered,
  EmailChanged,
  EmailChangeRequested,
  EmailConfirmed,
  NameChanged,
  PasswordChanged,
  PasswordResetRequested,
  RoleGranted,
  RoleWithdrawn,
  SetPasswordLinkIssued,
  TrainerCertificationRecorded,
  type PasswordChangeKind,
} from './account.events';
import {
  AccountIsDeactivated,
  CannotDeactivateOwnAccount,
  EmailUnchanged,
  InvalidLink,
  LastAdministrator,
  NameManagedByRegistry,
  PasswordRejected,
  RoleNotAllowed,
  TrainerCardConflict,
  WrongCurrentPassword,
} from './accounts.errors';
import { LearnerUserCode } from './learner-user-code.value-object';
import { isSelfServiceRole, isStaffRole, ROLES, type Role, type SelfServiceRole, type StaffRole } from './role';
import { TokenHash } from './token-hash.value-object';
import { TrainerCardNumber } from './trainer-card-number.value-object';
import { Username } from './username.value-object';

export type AccountStatus = 'pending-confirmation' | 'active' | 'deactivated';

/** Where the person signs in: the public portal, or the back-office (staff roles only). */
export type SignInChannel = 'portal' | 'back-office';

/**
 * What a sign-in attempt came to. The handler saves the account (the failure counter changes) and
 * then answers: every outcome but `signed-in` is a refusal, and `wrong-password` and `locked` give the
 * same answer as an unknown account.
 */
export type SignInOutcome = 'signed-in' | 'wrong-password' | 'locked' | 'email-not-confirmed' | 'deactivated' | 'not-staff';

/** Consecutive wrong passwords before the account is locked (ASVS 2.2.1: at most 100 failures an hour). */
export const MAX_FAILED_SIGN_INS = 5;
/** How long the lock lasts; a password reset lifts it at once. */
export const SIGN_IN_LOCK_MS = 15 * 60_000;

export interface TrainerCertification {
  readonly cardNumber: TrainerCardNumber;
  readonly certificationExpiresOn: LocalDate;
}

/** One row of the registry of certified trainers, validated. */
export interface TrainerRegistryEntry {
  readonly cardNumber: TrainerCardNumber;
  readonly name: PersonName;
  readonly email: Email;
  readonly certificationExpiresOn: LocalDate;
}

/** The facts the "no removing the last admin" rule needs, read under lock by the handler. */
export interface AdminContext {
  /** Who acts (a staff member's account id). */
  readonly by: AccountId;
  /**
   * Ids of every active account holding `admin`, read inside the unit of work with the rows locked
   * (see `AccountRepository.lockActiveAdministratorIds`), so two admins cannot remove each other at once.
   */
  readonly activeAdministrators: readonly AccountId[];
}

/** The persisted state, plain values only, for repositories. */
export interface AccountSnapshot {
  readonly id: string;
  readonly version: number;
  readonly username: string | null;
  readonly email: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly roles: readonly Role[];
  readonly status: AccountStatus;
  readonly passwordHash: string | null;
  readonly trainerCardNumber: string | null;
  /** `YYYY-MM-DD`. */
  readonly certificationExpiresOn: string | null;
  readonly learnerUserCode: string | null;
  readonly failedSignIns: number;
  readonly lockedUntil: Date | null;
  readonly lastSignedInAt: Date | null;
  readonly createdAt: Date;
  readonly emailConfirmedAt: Date | null;
  /** Outstanding and consumed link tokens (hashes only), at most one per purpose. */
  readonly tokens: readonly ActionTokenSnapshot[];
}

interface AccountState {
  username: Username | null;
  email: Email;
  name: PersonName | null;
  roles: Set<Role>;
  status: AccountStatus;
  passwordHash: PasswordHash | null;
  trainer: TrainerCertification | null;
  learnerUserCode: LearnerUserCode | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  lastSignedInAt: Date | null;
  createdAt: Date;
  emailConfirmedAt: Date | null;
  tokens: ActionToken[];
}

/**
 * One person's account: identity (username, e-mail, name), roles, status, password hash, the
 * trainer card and the learner code, and the single-use link tokens it issued.
 *
 * Lifecycle: `pending-confirmation` until the holder proves the address (confirmation link, or the
 * first set-password / reset link), then `active`; staff may `deactivate` and `reactivate` it.
 */
export class Account extends AggregateRoot<AccountId> {
  private constructor(
    id: AccountId,
    private readonly state: AccountState,
    version = 0,
  ) {
    super(id, version);
  }

  // ——— Creation ———

  /**
   * Self-service registration (« Pas un membre? Inscrivez-vous! ») as a guardian, an owner or a
   * learner (who needs a user code). The account waits for the confirmation link, whose hash is
   * `confirmationToken`.
   */
  static register(props: {
    id: AccountId;
    email: Email;
    role: SelfServiceRole;
    passwordHash: PasswordHash;
    learnerUserCode?: LearnerUserCode | null;
    confirmationToken: TokenHash;
    now: Date;
  }): Account {
    if (!isSelfServiceRole(props.role)) throw new RoleNotAllowed(props.role, 'not-self-service');
    const code = props.learnerUserCode ?? null;
    if (props.role === 'learner' && code === null) throw new RoleNotAllowed('learner', 'learner-needs-code');
    const account = new Account(props.id, {
      ...Account.blank(props.email, props.now),
      roles: new Set([props.role]),
      passwordHash: props.passwordHash,
      learnerUserCode: props.role === 'learner' ? code : null,
    });
    account.state.tokens.push(ActionToken.issue('email-confirmation', props.confirmationToken, props.now));
    account.record(new AccountRegistered(account.id, 'self-service', [props.role], props.now, null));
    return account;
  }

  /** A staff member's account, created in the back-office; the new member sets a password by link. */
  static createStaff(props: {
    id: AccountId;
    email: Email;
    name: PersonName;
    username: Username | null;
    roles: readonly StaffRole[];
    setPasswordToken: TokenHash;
    by: AccountId;
    now: Date;
  }): Account {
    const notStaff = props.roles.find((role) => !isStaffRole(role));
    if (notStaff !== undefined) throw new RoleNotAllowed(notStaff, 'not-staff');
    if (props.roles.length === 0) throw new RoleNotAllowed('', 'not-staff');
    const account = new Account(props.id, {
      ...Account.blank(props.email, props.now),
      username: props.username,
      name: props.name,
      roles: new Set(sortRoles(props.roles)),
    });
    account.state.tokens.push(ActionToken.issue('set-password', props.setPasswordToken, props.now));
    account.record(new AccountRegistered(account.id, 'staff', [...account.state.roles], props.now, props.by.value));
    account.record(new SetPasswordLinkIssued(account.id, props.by.value, props.now));
    return account;
  }

  /**
   * A trainer's account created from a registry row: username from the manual's rule (already made
   * unique by `UsernameAllocator`), role `trainer`, and a link to set the first password.
   */
  static importTrainer(props: {
    id: AccountId;
    entry: TrainerRegistryEntry;
    username: Username;
    setPasswordToken: TokenHash;
    by: AccountId;
    now: Date;
  }): Account {
    const { entry } = props;
    const account = new Account(props.id, {
      ...Account.blank(entry.email, props.now),
      username: props.username,
      name: entry.name,
      roles: new Set<Role>(['trainer']),
      trainer: { cardNumber: entry.cardNumber, certificationExpiresOn: entry.certificationExpiresOn },
    });
    account.state.tokens.push(ActionToken.issue('set-password', props.setPasswordToken, props.now));
    account.record(new AccountRegistered(account.id, 'trainer-registry', ['trainer'], props.now, props.by.value));
    account.recordCertification(props.now);
    account.record(new SetPasswordLinkIssued(account.id, props.by.value, props.now));
    return account;
  }

  /** Rebuilds an account from storage; records nothing. */
  static restore(snapshot: AccountSnapshot): Account {
    const name =
      snapshot.firstName !== null && snapshot.lastName !== null ? PersonName.of(snapshot.firstName, snapshot.lastName) : null;
    const trainer =
      snapshot.trainerCardNumber !== null && snapshot.certificationExpiresOn !== null
        ? {
            cardNumber: TrainerCardNumber.parse(snapshot.trainerCardNumber),
            certificationExpiresOn: LocalDate.parse(snapshot.certificationExpiresOn),
          }
        : null;
    return new Account(
      AccountId.from(snapshot.id),
      {
        username: snapshot.username === null ? null : Username.parse(snapshot.username),
        email: Email.parse(snapshot.email),
        name,
        roles: new Set(sortRoles(snapshot.roles)),
        status: snapshot.status,
        passwordHash: snapshot.passwordHash === null ? null : toPasswordHash(snapshot.passwordHash),
        trainer,
        learnerUserCode: snapshot.learnerUserCode === null ? null : LearnerUserCode.parse(snapshot.learnerUserCode),
        failedSignIns: snapshot.failedSignIns,
        lockedUntil: copy(snapshot.lockedUntil),
        lastSignedInAt: copy(snapshot.lastSignedInAt),
        createdAt: new Date(snapshot.createdAt.getTime()),
        emailConfirmedAt: copy(snapshot.emailConfirmedAt),
        tokens: snapshot.tokens.map((token) =>
          ActionToken.restore({
            purpose: token.purpose,
            hash: TokenHash.fromStored(token.hash),
            issuedAt: new Date(token.issuedAt.getTime()),
            expiresAt: new Date(token.expiresAt.getTime()),
            consumedAt: copy(token.consumedAt),
            newEmail: token.newEmail === null ? null : Email.parse(token.newEmail),
          }),
        ),
      },
      snapshot.version,
    );
  }

  // ——— Reading ———

  get username(): Username | null {
    return this.state.username;
  }
  get email(): Email {
    return this.state.email;
  }
  get name(): PersonName | null {
    return this.state.name;
  }
  /** Sorted in the order of `ROLES`. */
  get roles(): readonly Role[] {
    return sortRoles([...this.state.roles]);
  }
  get status(): AccountStatus {
    return this.state.status;
  }
  get passwordHash(): PasswordHash | null {
    return this.state.passwordHash;
  }
  get hasPassword(): boolean {
    return this.state.passwordHash !== null;
  }
  get trainer(): TrainerCertification | null {
    return this.state.trainer;
  }
  get learnerUserCode(): LearnerUserCode | null {
    return this.state.learnerUserCode;
  }
  get lastSignedInAt(): Date | null {
    return copy(this.state.lastSignedInAt);
  }

  hasRole(role: Role): boolean {
    return this.state.roles.has(role);
  }

  isStaff(): boolean {
    return [...this.state.roles].some(isStaffRole);
  }

  isLockedAt(now: Date): boolean {
    return this.state.lockedUntil !== null && now.getTime() < this.state.lockedUntil.getTime();
  }

  toSnapshot(): AccountSnapshot {
    const s = this.state;
    return {
      id: this.id.value,
      version: this.version,
      username: s.username?.value ?? null,
      email: s.email.value,
      firstName: s.name?.firstName ?? null,
      lastName: s.name?.lastName ?? null,
      roles: this.roles,
      status: s.status,
      passwordHash: s.passwordHash,
      trainerCardNumber: s.trainer?.cardNumber.value ?? null,
      certificationExpiresOn: s.trainer?.certificationExpiresOn.toString() ?? null,
      learnerUserCode: s.learnerUserCode?.value ?? null,
      failedSignIns: s.failedSignIns,
      lockedUntil: copy(s.lockedUntil),
      lastSignedInAt: copy(s.lastSignedInAt),
      createdAt: new Date(s.createdAt.getTime()),
      emailConfirmedAt: copy(s.emailConfirmedAt),
      tokens: s.tokens.map((token) => token.toSnapshot()),
    };
  }

  // ——— Signing in ———

  /**
   * Checks a sign-in attempt. Always runs one hash computation (a real check, or a dummy one when
   * the account is locked or has no password yet), so timing says nothing. A wrong password counts
   * towards the lock; {@link MAX_FAILED_SIGN_INS} in a row lock the account for {@link SIGN_IN_LOCK_MS}.
   * A right password clears the counter, then the status and the channel are checked.
   */
  async signIn(candidate: string, hasher: PasswordHasher, channel: SignInChannel, now: Date): Promise<SignInOutcome> {
    const s = this.state;
    if (s.lockedUntil !== null && !this.isLockedAt(now)) {
      s.lockedUntil = null;
      s.failedSignIns = 0;
    }
    if (this.isLockedAt(now) || s.passwordHash === null) {
      await hasher.hashForTiming(candidate);
      if (this.isLockedAt(now)) return 'locked';
      this.countFailure(now);
      return 'wrong-password';
    }
    if (!(await hasher.verify(s.passwordHash, candidate))) {
      this.countFailure(now);
      return 'wrong-password';
    }
    s.failedSignIns = 0;
    if (s.status === 'deactivated') return 'deactivated';
    if (s.status === 'pending-confirmation') return 'email-not-confirmed';
    if (channel === 'back-office' && !this.isStaff()) return 'not-staff';
    s.lastSignedInAt = new Date(now.getTime());
    return 'signed-in';
  }

  private countFailure(now: Date): void {
    this.state.failedSignIns += 1;
    if (this.state.failedSignIns >= MAX_FAILED_SIGN_INS) {
      this.state.lockedUntil = new Date(now.getTime() + SIGN_IN_LOCK_MS);
    }
  }

  // ——— E-mail confirmation ———

  /** Uses the registration link: the account becomes active. Throws `InvalidLink`, `LinkExpired`, `LinkAlreadyUsed`. */
  confirmEmail(token: TokenHash, now: Date): void {
    this.assertNotDeactivated();
    this.tokenFor(['email-confirmation'], token).consume(now);
    this.markEmailProven(now);
  }

  /** A new confirmation link for an account still waiting (replaces the previous link). */
  reissueEmailConfirmation(token: TokenHash, now: Date): void {
    this.assertNotDeactivated();
    if (this.state.status !== 'pending-confirmation' || this.state.passwordHash === null) return;
    this.replaceToken(ActionToken.issue('email-confirmation', token, now));
  }

  // ——— Passwords ———

  /** True when a forgotten-password link may be sent (a deactivated account silently gets none). */
  get canReceivePasswordLink(): boolean {
    return this.state.status !== 'deactivated';
  }

  /**
   * « J'ai oublié mon mot de passe » (or staff « envoyer un lien »): issues a 30-minute reset link,
   * replacing any earlier one. `by` is the staff member, or null when the holder asked.
   */
  requestPasswordReset(token: TokenHash, now: Date, by: AccountId | null = null): void {
    this.assertNotDeactivated();
    this.replaceToken(ActionToken.issue('password-reset', token, now));
    this.record(new PasswordResetRequested(this.id, by?.value ?? null, now));
  }

  /** A 72-hour link to set the first password (imported trainer, new staff member, or a resend). */
  issueSetPasswordLink(token: TokenHash, now: Date, by: AccountId | null): void {
    this.assertNotDeactivated();
    this.replaceToken(ActionToken.issue('set-password', token, now));
    this.record(new SetPasswordLinkIssued(this.id, by?.value ?? null, now));
  }

  /**
   * Uses a reset or set-password link to set a new password. The link proves the address, so a
   * pending account becomes active; the sign-in lock is lifted. The handler ends every session.
   * Returns whether it was a `reset` or a first `set`.
   */
  async resetPassword(token: TokenHash, next: Password, hasher: PasswordHasher, now: Date): Promise<'reset' | 'set'> {
    this.assertNotDeactivated();
    const used = this.tokenFor(['password-reset', 'set-password'], token);
    used.consume(now);
    const how: PasswordChangeKind = used.purpose === 'set-password' || this.state.passwordHash === null ? 'set' : 'reset';
    this.state.passwordHash = await hasher.hash(next);
    this.state.failedSignIns = 0;
    this.state.lockedUntil = null;
    this.dropOutstanding(['password-reset', 'set-password']);
    this.markEmailProven(now);
    this.record(new PasswordChanged(this.id, how, now));
    return how;
  }

  /**
   * « Changement du mot de passe » in « Profil »: the old password must match and the new one must
   * differ. Throws `WrongCurrentPassword` or `PasswordRejected('same-as-current')`.
   */
  async changePassword(current: string, next: Password, hasher: PasswordHasher, now: Date): Promise<void> {
    this.assertNotDeactivated();
    const hash = this.state.passwordHash;
    if (hash === null || !(await hasher.verify(hash, current))) throw new WrongCurrentPassword();
    if (await hasher.verify(hash, next.reveal())) throw new PasswordRejected('same-as-current');
    this.state.passwordHash = await hasher.hash(next);
    this.dropOutstanding(['password-reset', 'set-password']);
    this.record(new PasswordChanged(this.id, 'change', now));
  }

  // ——— E-mail change ———

  /** Starts an address change: the link goes to `newEmail`, which becomes the address only once confirmed. */
  requestEmailChange(newEmail: Email, token: TokenHash, now: Date): void {
    this.assertNotDeactivated();
    if (newEmail.equals(this.state.email)) throw new EmailUnchanged();
    this.replaceToken(ActionToken.issue('email-change', token, now, newEmail));
    this.record(new EmailChangeRequested(this.id, now));
  }

  /** The address waiting for confirmation, if a change is outstanding (the handler checks it is still free). */
  pendingEmailFor(token: TokenHash): Email | null {
    const found = this.state.tokens.find((t) => t.purpose === 'email-change' && t.hash.equals(token));
    return found?.newEmail ?? null;
  }

  /** Uses the link sent to the new address. Returns the previous and the new address (the old one is told). */
  confirmEmailChange(token: TokenHash, now: Date): { previous: Email; current: Email } {
    this.assertNotDeactivated();
    const used = this.tokenFor(['email-change'], token);
    used.consume(now);
    const previous = this.state.email;
    const current = used.newEmail;
    if (current === null) throw new InvalidLink();
    this.state.email = current;
    this.record(new EmailChanged(this.id, previous.value, current.value, 'self', now));
    return { previous, current };
  }

  // ——— Profile ———

  /** « Nom » and « Prénom » in « Profil ». A trainer's name comes from the registry and cannot be edited here. */
  rename(name: PersonName, now: Date): void {
    this.assertNotDeactivated();
    if (this.state.trainer !== null) throw new NameManagedByRegistry();
    if (this.state.name?.equals(name)) return;
    this.state.name = name;
    this.record(new NameChanged(this.id, name.firstName, name.lastName, now));
  }

  // ——— Trainer registry ———

  /**
   * Applies a registry row to an existing account: the one holding the card, or the one with the
   * row's e-mail (a parent who is also a trainer keeps one account: the card and the `trainer` role
   * are attached, and `usernameIfMissing` becomes the username if it had none). The registry is
   * authoritative for name, e-mail and expiry. Throws `TrainerCardConflict` when the account holds
   * another card. Returns `unchanged` when the row brings nothing new.
   */
  applyRegistryEntry(entry: TrainerRegistryEntry, usernameIfMissing: Username | null, by: AccountId, now: Date): 'updated' | 'unchanged' {
    const s = this.state;
    if (s.trainer !== null && !s.trainer.cardNumber.equals(entry.cardNumber)) throw new TrainerCardConflict();
    let changed = false;
    if (s.trainer === null || !s.trainer.certificationExpiresOn.equals(entry.certificationExpiresOn)) {
      s.trainer = { cardNumber: entry.cardNumber, certificationExpiresOn: entry.certificationExpiresOn };
      changed = true;
    }
    if (!s.name?.equals(entry.name)) {
      s.name = entry.name;
      changed = true;
    }
    if (!s.email.equals(entry.email)) {
      const previous = s.email;
      s.email = entry.email;
      this.dropOutstanding(['email-change']);
      this.record(new EmailChanged(this.id, previous.value, entry.email.value, 'trainer-registry', now));
      changed = true;
    }
    if (s.username === null && usernameIfMissing !== null) {
      s.username = usernameIfMissing;
      changed = true;
    }
    if (!s.roles.has('trainer')) {
      s.roles.add('trainer');
      this.record(new RoleGranted(this.id, 'trainer', by.value, now));
      changed = true;
    }
    if (!changed) return 'unchanged';
    this.recordCertification(now);
    return 'updated';
  }

  // ——— Roles and status (staff) ———

  /**
   * Grants `role`; does nothing if already held. `trainer` comes only from the registry; `learner`
   * needs a user code (the handler gets one from `LearnerUserCodes`). Returns whether it changed.
   */
  grantRole(role: Role, by: AccountId, now: Date, learnerUserCode: LearnerUserCode | null = null): boolean {
    if (this.state.roles.has(role)) return false;
    if (role === 'trainer') throw new RoleNotAllowed(role, 'trainer-from-registry');
    if (role === 'learner') {
      const code = this.state.learnerUserCode ?? learnerUserCode;
      if (code === null) throw new RoleNotAllowed(role, 'learner-needs-code');
      this.state.learnerUserCode = code;
    }
    this.state.roles.add(role);
    this.record(new RoleGranted(this.id, role, by.value, now));
    return true;
  }

  /** Withdraws `role`; does nothing if not held. Throws `LastAdministrator` for the only active admin. */
  withdrawRole(role: Role, context: AdminContext, now: Date): boolean {
    if (!this.state.roles.has(role)) return false;
    if (role === 'admin') this.assertAnotherAdministratorRemains(context);
    this.state.roles.delete(role);
    this.record(new RoleWithdrawn(this.id, role, context.by.value, now));
    return true;
  }

  /**
   * Blocks the account: sign-in refused, outstanding links void (the handler also ends its sessions).
   * Not one's own account, not the only active admin. Returns whether it changed.
   */
  deactivate(context: AdminContext, now: Date): boolean {
    if (context.by.equals(this.id)) throw new CannotDeactivateOwnAccount();
    if (this.state.status === 'deactivated') return false;
    if (this.state.roles.has('admin')) this.assertAnotherAdministratorRemains(context);
    this.state.status = 'deactivated';
    this.state.tokens = [];
    this.record(new AccountDeactivated(this.id, context.by.value, now));
    return true;
  }

  /** Back to `active`, or to `pending-confirmation` if the address was never proven. */
  reactivate(by: AccountId, now: Date): boolean {
    if (this.state.status !== 'deactivated') return false;
    this.state.status = this.state.emailConfirmedAt === null ? 'pending-confirmation' : 'active';
    this.state.failedSignIns = 0;
    this.state.lockedUntil = null;
    this.record(new AccountReactivated(this.id, by.value, now));
    return true;
  }

  // ——— Internals ———

  private static blank(email: Email, now: Date): AccountState {
    return {
      username: null,
      email,
      name: null,
      roles: new Set(),
      status: 'pending-confirmation',
      passwordHash: null,
      trainer: null,
      learnerUserCode: null,
      failedSignIns: 0,
      lockedUntil: null,
      lastSignedInAt: null,
      createdAt: new Date(now.getTime()),
      emailConfirmedAt: null,
      tokens: [],
    };
  }

  private assertNotDeactivated(): void {
    if (this.state.status === 'deactivated') throw new AccountIsDeactivated();
  }

  private assertAnotherAdministratorRemains(context: AdminContext): void {
    if (this.state.status !== 'active') return;
    if (!context.activeAdministrators.some((id) => !id.equals(this.id))) throw new LastAdministrator();
  }

  /** The token with this hash among `purposes`, consumed or not; `InvalidLink` when none matches. */
  private tokenFor(purposes: readonly ActionTokenPurpose[], hash: TokenHash): ActionToken {
    const found = this.state.tokens.find((token) => purposes.includes(token.purpose) && token.hash.equals(hash));
    if (found === undefined) throw new InvalidLink();
    return found;
  }

  private replaceToken(token: ActionToken): void {
    this.state.tokens = [...this.state.tokens.filter((t) => t.purpose !== token.purpose), token];
  }

  /** Voids links that are still usable for these purposes (consumed ones stay, so a replay says "already used"). */
  private dropOutstanding(purposes: readonly ActionTokenPurpose[]): void {
    this.state.tokens = this.state.tokens.filter((t) => !purposes.includes(t.purpose) || t.consumedAt !== null);
  }

  private markEmailProven(now: Date): void {
    if (this.state.emailConfirmedAt !== null) return;
    this.state.emailConfirmedAt = new Date(now.getTime());
    if (this.state.status === 'pending-confirmation') this.state.status = 'active';
    this.record(new EmailConfirmed(this.id, now));
  }

  private recordCertification(now: Date): void {
    const { trainer, name } = this.state;
    if (trainer === null || name === null) return;
    this.record(
      new TrainerCertificationRecorded(
        this.id,
        trainer.cardNumber.value,
        name.firstName,
        name.lastName,
        trainer.certificationExpiresOn.toString(),
        now,
      ),
    );
  }
}

function sortRoles(roles: Iterable<Role>): Role[] {
  const held = new Set(roles);
  return ROLES.filter((role) => held.has(role));
}

function copy(date: Date | null): Date | null {
  return date === null ? null : new Date(date.getTime());
}
