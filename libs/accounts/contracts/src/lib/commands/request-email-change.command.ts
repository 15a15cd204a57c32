import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';

/**
 * « Courriel » in « Profil »: mails a confirmation link to the new address; the address changes only
 * when it is used. Throws `InvalidEmail`, `EmailUnchanged`, `EmailAlreadyInUse`.
 */
export class RequestEmailChange extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly newEmail: string,
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
