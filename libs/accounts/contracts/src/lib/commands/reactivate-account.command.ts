import { Command } from '@nestjs/cqrs';
import type { ClientInfo } from '../common';

/** Back-office (`accounts.manage-staff`). Throws `PermissionDenied`, `AccountNotFound`. */
export class ReactivateAccount extends Command<void> {
  constructor(
    readonly actorId: string,
    readonly accountId: string,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
