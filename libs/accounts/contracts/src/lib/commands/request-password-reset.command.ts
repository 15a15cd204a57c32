import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';

/**
 * « J'ai oublié mon mot de passe » → « Demander un nouveau mot de passe », by trainer card number
 * (« Inscrire votre numéro de carte de formateur/moniteur ») or by e-mail. Always succeeds with no
 * result, whether or not an account matches (the screen then offers « Retourner à l'écran de
 * connexion »); a matching active account gets a single-use link valid 30 minutes by mail.
 * Malformed input succeeds silently as well.
 */
export class RequestPasswordReset extends Command<void> {
  constructor(
    readonly by: 'email' | 'card-number',
    readonly value: string,
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
