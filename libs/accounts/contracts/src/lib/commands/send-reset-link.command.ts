import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';

/**
 * Back-office (`accounts.send-reset-link`): mails the holder a link: a 30-minute reset link, or a
 * 72-hour set-password link when the account has no password yet. Staff never see or choose the
 * password. Throws `PermissionDenied`, `AccountNotFound`, `AccountIsDeactivated`.
 */
export class SendResetLink extends Command<void> {
  constructor(
    readonly actorId: string,
    readonly accountId: string,
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
