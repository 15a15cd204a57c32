import { Password, PasswordConfirmationMismatch, type PasswordIdentifiers } from '@guichet/accounts/domain';

/** « Confirmer le mot de passe » first (the cheaper, clearer message), then the policy. */
export function newPassword(plain: string, confirmation: string, identifiers: PasswordIdentifiers): Password {
  if (plain !== confirmation) throw new PasswordConfirmationMismatch();
  return Password.create(plain, identifiers);
}
