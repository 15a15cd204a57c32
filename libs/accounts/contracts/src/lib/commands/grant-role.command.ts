import { Command } from '@nestjs/cqrs';
import type { ClientInfo } from '../common';
import type { Role } from '../roles';

/**
 * Back-office (`accounts.manage-staff`): grants a role; granting a held role does nothing. `trainer`
 * comes only from the registry import. Throws `PermissionDenied`, `AccountNotFound`, `RoleNotAllowed`.
 */
export class GrantRole extends Command<void> {
  constructor(
    readonly actorId: string,
    readonly accountId: string,
    readonly role: Role,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
