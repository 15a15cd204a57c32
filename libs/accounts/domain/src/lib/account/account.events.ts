import { BaseDomainEvent } from '@guichet/shared/kernel';
import type { AccountId } from './account-id';
import type { Role } from './role';

/** How an account came to be. */
export type AccountOrigin = 'self-service' | 'staff' | 'trainer-registry';

/** An account was created (its e-mail is not confirmed yet). */
export class AccountRegistered extends BaseDomainEvent {
  readonly name = 'AccountRegistered';
  constructor(
    id: AccountId,
    readonly origin: AccountOrigin,
    readonly roles: readonly Role[],
    occurredAt: Date,
    /** The staff member who created it; null for self-service. */
    readonly by: string | null,
  ) {
    super(id, occurredAt);
  }
}

/** The holder proved the address (confirmation link or first password link): the account is active. */
export class EmailConfirmed extends BaseDomainEvent {
  readonly name = 'EmailConfirmed';
  constructor(id: AccountId, occurredAt: Date) {
    super(id, occurredAt);
  }
}

/** `change`: in « Profil »; `reset`: by a forgotten-password link; `set`: first password from a set-password link. */
export type PasswordChangeKind = 'change' | 'reset' | 'set';

export class PasswordChanged extends BaseDomainEvent {
  readonly name = 'PasswordChanged';
  constructor(
    id: AccountId,
    readonly how: PasswordChangeKind,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class PasswordResetRequested extends BaseDomainEvent {
  readonly name = 'PasswordResetRequested';
  constructor(
    id: AccountId,
    /** The staff member who sent the link; null when the holder asked. */
    readonly by: string | null,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

/** A link to set the first password was issued (registry import, staff account, or staff resend). */
export class SetPasswordLinkIssued extends BaseDomainEvent {
  readonly name = 'SetPasswordLinkIssued';
  constructor(
    id: AccountId,
    readonly by: string | null,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class EmailChangeRequested extends BaseDomainEvent {
  readonly name = 'EmailChangeRequested';
  constructor(id: AccountId, occurredAt: Date) {
    super(id, occurredAt);
  }
}

export class EmailChanged extends BaseDomainEvent {
  readonly name = 'EmailChanged';
  constructor(
    id: AccountId,
    readonly previousEmail: string,
    readonly newEmail: string,
    /** `self`: confirmed by the holder's link; `trainer-registry`: the registry import is authoritative. */
    readonly source: 'self' | 'trainer-registry',
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class NameChanged extends BaseDomainEvent {
  readonly name = 'NameChanged';
  constructor(
    id: AccountId,
    readonly firstName: string,
    readonly lastName: string,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class RoleGranted extends BaseDomainEvent {
  readonly name = 'RoleGranted';
  constructor(
    id: AccountId,
    readonly role: Role,
    readonly by: string | null,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class RoleWithdrawn extends BaseDomainEvent {
  readonly name = 'RoleWithdrawn';
  constructor(
    id: AccountId,
    readonly role: Role,
    readonly by: string | null,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class AccountDeactivated extends BaseDomainEvent {
  readonly name = 'AccountDeactivated';
  constructor(
    id: AccountId,
    readonly by: string,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

export class AccountReactivated extends BaseDomainEvent {
  readonly name = 'AccountReactivated';
  constructor(
    id: AccountId,
    readonly by: string,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}

/** The registry of certified trainers says this account holds this card, name and expiry. */
export class TrainerCertificationRecorded extends BaseDomainEvent {
  readonly name = 'TrainerCertificationRecorded';
  constructor(
    id: AccountId,
    readonly cardNumber: string,
    readonly firstName: string,
    readonly lastName: string,
    /** `YYYY-MM-DD`. */
    readonly certificationExpiresOn: string,
    occurredAt: Date,
  ) {
    super(id, occurredAt);
  }
}
