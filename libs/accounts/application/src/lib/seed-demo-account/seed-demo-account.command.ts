import type { SelfServiceRole, StaffRole } from '@guichet/accounts/domain';
import { Command } from '@nestjs/cqrs';

/** How a missing demo account is created; an account that exists is never re-created or re-shaped. */
export type DemoAccountProfile =
  | {
      /** A back-office account, as `CreateStaffAccount` would make it. */
      readonly kind: 'staff';
      readonly roles: readonly StaffRole[];
      readonly firstName: string;
      readonly lastName: string;
      readonly username: string | null;
    }
  /** A self-service account, as « Inscrivez-vous » would make it (a learner gets a user code). */
  | { readonly kind: 'member'; readonly role: SelfServiceRole }
  /** Created elsewhere first (a trainer, by `ImportTrainerRegistry`): only completed here. */
  | { readonly kind: 'existing' };

export interface SeedDemoAccountResult {
  readonly accountId: string;
  /** `completed`: it existed but had no password yet or was waiting for its confirmation link. */
  readonly outcome: 'created' | 'completed' | 'unchanged';
}

/**
 * Demo data only (the embedded run; the caller refuses production): makes sure the account with this
 * e-mail exists, is active and can sign in with `password`, without sending any mail. Idempotent: an
 * account that already has a password keeps it (the holder may have changed it), a deactivated one
 * stays deactivated. Throws `AccountNotFound` for a missing `existing` account, `PasswordRejected`
 * when `password` fails the policy.
 */
export class SeedDemoAccount extends Command<SeedDemoAccountResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly profile: DemoAccountProfile,
  ) {
    super();
  }
}
