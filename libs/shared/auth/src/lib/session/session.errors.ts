import { DomainError } from '@guichet/shared/kernel';

/** A `@BackOffice()` route called with a session opened elsewhere (the portal), whatever its roles. */
export class BackOfficeRequired extends DomainError {
  static readonly code = 'AUTH.BACK_OFFICE_REQUIRED';
  readonly code = BackOfficeRequired.code;
  readonly kind = 'forbidden';

  constructor() {
    super({
      fr: 'Cette opération n’est offerte que dans l’application d’administration. Connectez-vous à l’administration et réessayez.',
      en: 'This operation is only available in the back-office application. Sign in to the back-office and try again.',
    });
  }
}
