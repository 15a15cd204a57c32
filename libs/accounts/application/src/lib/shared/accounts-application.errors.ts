import { DomainError } from '@guichet/shared/kernel';

/** The acting staff member lacks the permission (or is no longer an active account). */
export class PermissionDenied extends DomainError {
  static readonly code = 'ACCOUNTS.PERMISSION_DENIED';
  readonly code = PermissionDenied.code;
  readonly kind = 'forbidden';

  constructor(readonly permission: string) {
    super(
      { fr: 'Vous n’avez pas la permission de faire cette action.', en: 'You do not have permission to do this.' },
      { permission },
    );
  }
}

/** The same card number appears twice in one registry file: the later row is rejected. */
export class DuplicateCardInImport extends DomainError {
  static readonly code = 'ACCOUNTS.DUPLICATE_CARD_IN_IMPORT';
  readonly code = DuplicateCardInImport.code;
  readonly kind = 'invalid';

  constructor(readonly firstLine: number) {
    super(
      {
        fr: `Ce numéro de carte figure déjà à la ligne ${firstLine} du fichier.`,
        en: `This card number already appears on line ${firstLine} of the file.`,
      },
      { field: 'cardNumber', firstLine },
    );
  }
}
