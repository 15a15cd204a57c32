import { Command } from '@nestjs/cqrs';
import type { ClientInfo, MailLang } from '../common';
import type { SelfServiceRole } from '../roles';

/**
 * « Pas un membre? Inscrivez-vous! »: « Courriel », « Mot de passe », « Confirmer le mot de passe ».
 * The controller checks the bot challenge (ALTCHA) and throttles before sending it.
 *
 * The outcome is the same whether or not the address already has an account (no enumeration): a
 * confirmation link is mailed to a new address, and a "you already have an account" notice to a
 * known one. Throws `PasswordRejected`, `PasswordConfirmationMismatch`, `InvalidEmail`.
 */
export class RegisterAccount extends Command<void> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly passwordConfirmation: string,
    readonly role: SelfServiceRole,
    readonly lang: MailLang,
    readonly client: ClientInfo,
  ) {
    super();
  }
}
