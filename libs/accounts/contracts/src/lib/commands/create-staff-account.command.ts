import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';
import type { StaffRole } from '../roles';

/**
 * Back-office (permission `accounts.manage-staff`): creates a staff account and mails a link to set
 * its password (72 hours). Returns the new account id. Throws `PermissionDenied`, `EmailAlreadyInUse`,
 * `UsernameTaken`, `InvalidUsername`, `RoleNotAllowed`.
 */
export class CreateStaffAccount extends Command<{ accountId: string }> {
  constructor(
    readonly actorId: string,
    readonly email: string,
    readonly firstName: string,
    readonly lastName: string,
    readonly roles: readonly StaffRole[],
    /** Optional sign-in name; staff can always sign in with the e-mail. */
    readonly username: string | null,
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
