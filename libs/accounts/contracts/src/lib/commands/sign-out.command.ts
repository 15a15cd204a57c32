import { Command } from '@nestjs/cqrs';
import type { ClientInfo } from '../common';

/** « Déconnexion »: revokes the session on the server. Succeeds even for an unknown or ended session. */
export class SignOut extends Command<void> {
  constructor(
    readonly sessionToken: string,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
