import { Command } from '@nestjs/cqrs';
import type { ClientInfo } from '../common';
import type { Role } from '../roles';

/**
 * Back-office (`accounts.manage-staff`): withdraws a role; withdrawing a role not held does nothing.
 * Throws `PermissionDenied`, `AccountNotFound`, `LastAdministrator`.
 */
export class WithdrawRole extends Command<void> {
  constructor(
    readonly actorId: string,
    readonly accountId: string,
    readonly role: Role,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
