import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';

/**
 * « Changement du mot de passe » in « Profil »: « Nouveau mot de passe », « Confirmation »,
 * « Ancien mot de passe », « Sauvegarder le nouveau mot de passe ». Ends every other session and
 * mails a notice. Throws `WrongCurrentPassword`, `PasswordRejected` (incl. `same-as-current`),
 * `PasswordConfirmationMismatch`.
 */
export class ChangePassword extends Command<void> {
  constructor(
    readonly accountId: string,
    /** The session making the change: it stays open. */
    readonly currentSessionId: string,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly passwordConfirmation: string,
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
