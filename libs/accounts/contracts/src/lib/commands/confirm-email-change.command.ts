import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';

/**
 * The link sent to the new address: the address changes, and the old address is told. Throws
 * `InvalidLink`, `LinkExpired`, `LinkAlreadyUsed`, `EmailAlreadyInUse` (taken in the meantime).
 */
export class ConfirmEmailChange extends Command<void> {
  constructor(
    readonly token: string,
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
