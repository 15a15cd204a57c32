import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';

/**
 * Sets a new password from a reset or set-password link, then ends every session of the account.
 * Throws `InvalidLink`, `LinkExpired`, `LinkAlreadyUsed`, `PasswordRejected`,
 * `PasswordConfirmationMismatch`, `AccountIsDeactivated`.
 */
export class ResetPassword extends Command<void> {
  constructor(
    readonly token: string,
    readonly newPassword: string,
    readonly passwordConfirmation: string,
    /** Language of the notice mailed after a reset. */
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
