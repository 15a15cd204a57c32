import { DomainError } from '@guichet/shared/kernel';

/** The ALTCHA proof of work is missing, wrong, expired or already used. */
export class BotCheckFailed extends DomainError {
  static readonly code = 'ACCOUNTS.BOT_CHECK_FAILED';
  readonly code = BotCheckFailed.code;
  readonly kind = 'invalid';

  constructor() {
    super({
      fr: 'La vérification anti-robot a échoué ou a expiré. Recommencez la vérification.',
      en: 'The bot check failed or expired. Please run the check again.',
    });
  }
}

/** The registry file is not readable CSV, or lacks the expected columns. */
export class UnreadableRegistryFile extends DomainError {
  static readonly code = 'ACCOUNTS.UNREADABLE_REGISTRY_FILE';
  readonly code = UnreadableRegistryFile.code;
  readonly kind = 'invalid';

  constructor(reason: { fr: string; en: string }) {
    super({ fr: `Le fichier du registre est illisible : ${reason.fr}`, en: `The registry file cannot be read: ${reason.en}` });
  }
}
