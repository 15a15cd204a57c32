import { DomainError } from '@guichet/shared/kernel';

/** A state-changing request without a valid XSRF token pair, or from another origin. */
export class CsrfRejected extends DomainError {
  static readonly code = 'AUTH.CSRF';
  readonly code = CsrfRejected.code;
  readonly kind = 'forbidden';

  constructor() {
    super({
      fr: 'La requête a été refusée par la protection contre la falsification de requêtes. Rechargez la page et réessayez.',
      en: 'The request was refused by the cross-site request forgery protection. Reload the page and try again.',
    });
  }
}
