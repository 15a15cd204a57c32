import { Command } from '@nestjs/cqrs';
import type { ClientInfo } from '../common';

/**
 * Back-office (`accounts.manage-staff`): blocks sign-in, voids outstanding links and ends every
 * session. Throws `PermissionDenied`, `AccountNotFound`, `CannotDeactivateOwnAccount`, `LastAdministrator`.
 */
export class DeactivateAccount extends Command<void> {
  constructor(
    readonly actorId: string,
    readonly accountId: string,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
