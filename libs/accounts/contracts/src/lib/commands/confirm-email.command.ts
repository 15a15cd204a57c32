import { Command } from '@nestjs/cqrs';
import type { ClientInfo } from '../common';

/** The link in the registration mail. Throws `InvalidLink`, `LinkExpired`, `LinkAlreadyUsed`. */
export class ConfirmEmail extends Command<void> {
  constructor(
    /** The raw token from the link. */
    readonly token: string,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
