import { defineIntegrationEvent } from '@guichet/shared/kernel';

/*
 * What Accounts tells other contexts, through the outbox. Payloads carry ids and plain values only:
 * never a password, a hash or a link token (Accounts sends its own mails with the links).
 */

/** An account was created. `origin`: `self-service`, `staff` or `trainer-registry`. */
export type AccountRegisteredV1 = {
  accountId: string;
  origin: 'self-service' | 'staff' | 'trainer-registry';
  roles: string[];
};
export const AccountRegisteredV1 = defineIntegrationEvent<AccountRegisteredV1>('accounts.account-registered.v1');

/** The holder proved the address; the account can sign in. */
export type AccountActivatedV1 = { accountId: string };
export const AccountActivatedV1 = defineIntegrationEvent<AccountActivatedV1>('accounts.account-activated.v1');

/** A reset link was mailed. `requestedBy`: the staff member's account id, or null when the holder asked. */
export type PasswordResetRequestedV1 = { accountId: string; requestedBy: string | null };
export const PasswordResetRequestedV1 = defineIntegrationEvent<PasswordResetRequestedV1>('accounts.password-reset-requested.v1');

/** `how`: `change` (« Profil »), `reset` (forgotten-password link) or `set` (first password). */
export type PasswordChangedV1 = { accountId: string; how: 'change' | 'reset' | 'set' };
export const PasswordChangedV1 = defineIntegrationEvent<PasswordChangedV1>('accounts.password-changed.v1');

/** A change of address waits for confirmation by the new address. */
export type EmailChangeRequestedV1 = { accountId: string };
export const EmailChangeRequestedV1 = defineIntegrationEvent<EmailChangeRequestedV1>('accounts.email-change-requested.v1');

/** The account's address changed: contexts that mail the person update their copy. */
export type EmailChangedV1 = { accountId: string; email: string; source: 'self' | 'trainer-registry' };
export const EmailChangedV1 = defineIntegrationEvent<EmailChangedV1>('accounts.email-changed.v1');

export type NameChangedV1 = { accountId: string; firstName: string; lastName: string };
export const NameChangedV1 = defineIntegrationEvent<NameChangedV1>('accounts.name-changed.v1');

/** `grantedBy`: the staff member's account id; null when the system granted it (registry import). */
export type RoleGrantedV1 = { accountId: string; role: string; grantedBy: string | null };
export const RoleGrantedV1 = defineIntegrationEvent<RoleGrantedV1>('accounts.role-granted.v1');

export type RoleWithdrawnV1 = { accountId: string; role: string; withdrawnBy: string | null };
export const RoleWithdrawnV1 = defineIntegrationEvent<RoleWithdrawnV1>('accounts.role-withdrawn.v1');

export type AccountDeactivatedV1 = { accountId: string; deactivatedBy: string };
export const AccountDeactivatedV1 = defineIntegrationEvent<AccountDeactivatedV1>('accounts.account-deactivated.v1');

export type AccountReactivatedV1 = { accountId: string; reactivatedBy: string };
export const AccountReactivatedV1 = defineIntegrationEvent<AccountReactivatedV1>('accounts.account-reactivated.v1');

/**
 * The registry of certified trainers says this account holds this card until this date (created or
 * updated by an import): CardRequests keeps its view of the trainer from it.
 */
export type TrainerCertifiedV1 = {
  accountId: string;
  cardNumber: string;
  firstName: string;
  lastName: string;
  /** `YYYY-MM-DD`. */
  certificationExpiresOn: string;
};
export const TrainerCertifiedV1 = defineIntegrationEvent<TrainerCertifiedV1>('accounts.trainer-certified.v1');

/** Every event Accounts publishes, for the architecture test and consumers' registries. */
export const ACCOUNTS_INTEGRATION_EVENTS = [
  AccountRegisteredV1,
  AccountActivatedV1,
  PasswordResetRequestedV1,
  PasswordChangedV1,
  EmailChangeRequestedV1,
  EmailChangedV1,
  NameChangedV1,
  RoleGrantedV1,
  RoleWithdrawnV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  TrainerCertifiedV1,
] as const;
