import { DomainError, type ErrorDetails, type FieldHint, type LocalizedMessages } from '@guichet/shared/kernel';

function withField(hint: FieldHint | undefined, details: ErrorDetails = {}): ErrorDetails {
  return hint?.field === undefined ? details : { field: hint.field, ...details };
}

/**
 * The one answer to a failed sign-in, whatever the reason (unknown identifier, wrong password, account
 * temporarily locked): the same message and code, so the answer does not reveal whether an account exists.
 */
export class InvalidCredentials extends DomainError {
  static readonly code = 'ACCOUNTS.INVALID_CREDENTIALS';
  readonly code = InvalidCredentials.code;
  readonly kind = 'invalid';

  constructor() {
    super({ fr: "Nom d'utilisateur ou mot de passe invalide.", en: 'Invalid username or password.' });
  }
}

/** The password was right but the address was never confirmed (self-service registration). */
export class EmailNotConfirmed extends DomainError {
  static readonly code = 'ACCOUNTS.EMAIL_NOT_CONFIRMED';
  readonly code = EmailNotConfirmed.code;
  readonly kind = 'forbidden';

  constructor() {
    super({
      fr: 'Votre adresse courriel n’est pas encore confirmée. Cliquez sur le lien reçu par courriel pour activer votre compte.',
      en: 'Your email address is not confirmed yet. Click the link you received by email to activate your account.',
    });
  }
}

export class AccountIsDeactivated extends DomainError {
  static readonly code = 'ACCOUNTS.ACCOUNT_DEACTIVATED';
  readonly code = AccountIsDeactivated.code;
  readonly kind = 'forbidden';

  constructor() {
    super({
      fr: 'Ce compte est désactivé. Communiquez avec le support pour le réactiver.',
      en: 'This account is deactivated. Contact support to reactivate it.',
    });
  }
}

/** The back-office is for staff roles only. */
export class NotStaff extends DomainError {
  static readonly code = 'ACCOUNTS.NOT_STAFF';
  readonly code = NotStaff.code;
  readonly kind = 'forbidden';

  constructor() {
    super({
      fr: 'L’administration est réservée au personnel. Utilisez le portail pour vous connecter.',
      en: 'The back-office is for staff only. Use the portal to sign in.',
    });
  }
}

export class AccountNotFound extends DomainError {
  static readonly code = 'ACCOUNTS.ACCOUNT_NOT_FOUND';
  readonly code = AccountNotFound.code;
  readonly kind = 'not-found';

  constructor(readonly accountId: string) {
    super({ fr: 'Ce compte n’existe pas.', en: 'This account does not exist.' }, { accountId });
  }
}

export type PasswordRejectedReason = 'too-short' | 'too-long' | 'too-common' | 'contains-identifier' | 'same-as-current';

/** A new password that the policy refuses; `details.reason` says which rule. */
export class PasswordRejected extends DomainError {
  static readonly code = 'ACCOUNTS.PASSWORD_REJECTED';
  readonly code = PasswordRejected.code;
  readonly kind = 'invalid';
  private static readonly messagesByReason: Record<PasswordRejectedReason, LocalizedMessages> = {
    'too-short': {
      fr: 'Le mot de passe doit compter au moins 10 caractères.',
      en: 'The password must have at least 10 characters.',
    },
    'too-long': {
      fr: 'Le mot de passe ne doit pas dépasser 128 caractères.',
      en: 'The password must not exceed 128 characters.',
    },
    'too-common': {
      fr: 'Ce mot de passe est trop courant. Choisissez-en un autre, par exemple une phrase de plusieurs mots.',
      en: 'This password is too common. Choose another one, for example a phrase of several words.',
    },
    'contains-identifier': {
      fr: 'Le mot de passe ne doit pas être votre nom d’utilisateur ni votre adresse courriel.',
      en: 'The password must not be your username or your email address.',
    },
    'same-as-current': {
      fr: 'Le nouveau mot de passe doit être différent de l’ancien.',
      en: 'The new password must be different from the old one.',
    },
  };

  constructor(
    readonly reason: PasswordRejectedReason,
    hint: FieldHint = { field: 'password' },
  ) {
    super(PasswordRejected.messagesByReason[reason], withField(hint, { reason }));
  }
}

/** « Confirmer le mot de passe » differs from « Mot de passe ». */
export class PasswordConfirmationMismatch extends DomainError {
  static readonly code = 'ACCOUNTS.PASSWORD_CONFIRMATION_MISMATCH';
  readonly code = PasswordConfirmationMismatch.code;
  readonly kind = 'invalid';

  constructor(hint: FieldHint = { field: 'passwordConfirmation' }) {
    super(
      { fr: 'La confirmation ne correspond pas au mot de passe.', en: 'The confirmation does not match the password.' },
      withField(hint),
    );
  }
}

/** « Ancien mot de passe » is wrong. */
export class WrongCurrentPassword extends DomainError {
  static readonly code = 'ACCOUNTS.WRONG_CURRENT_PASSWORD';
  readonly code = WrongCurrentPassword.code;
  readonly kind = 'invalid';

  constructor() {
    super(
      { fr: 'L’ancien mot de passe est incorrect.', en: 'The old password is incorrect.' },
      { field: 'currentPassword' },
    );
  }
}

/** A link whose token matches nothing (mistyped, or replaced by a newer link). */
export class InvalidLink extends DomainError {
  static readonly code = 'ACCOUNTS.LINK_INVALID';
  readonly code = InvalidLink.code;
  readonly kind = 'invalid';

  constructor() {
    super({
      fr: 'Ce lien n’est pas valide. Demandez un nouveau lien.',
      en: 'This link is not valid. Ask for a new link.',
    });
  }
}

export class LinkExpired extends DomainError {
  static readonly code = 'ACCOUNTS.LINK_EXPIRED';
  readonly code = LinkExpired.code;
  readonly kind = 'invalid';

  constructor() {
    super({ fr: 'Ce lien a expiré. Demandez un nouveau lien.', en: 'This link has expired. Ask for a new link.' });
  }
}

export class LinkAlreadyUsed extends DomainError {
  static readonly code = 'ACCOUNTS.LINK_ALREADY_USED';
  readonly code = LinkAlreadyUsed.code;
  readonly kind = 'invalid';

  constructor() {
    super({
      fr: 'Ce lien a déjà été utilisé. Demandez un nouveau lien au besoin.',
      en: 'This link has already been used. Ask for a new link if needed.',
    });
  }
}

/** Another account already uses this address (staff creation, e-mail change, registry import). */
export class EmailAlreadyInUse extends DomainError {
  static readonly code = 'ACCOUNTS.EMAIL_ALREADY_IN_USE';
  readonly code = EmailAlreadyInUse.code;
  readonly kind = 'conflict';

  constructor(hint: FieldHint = { field: 'email' }) {
    super(
      {
        fr: 'Cette adresse courriel est déjà utilisée par un autre compte.',
        en: 'This email address is already used by another account.',
      },
      withField(hint),
    );
  }
}

export class EmailUnchanged extends DomainError {
  static readonly code = 'ACCOUNTS.EMAIL_UNCHANGED';
  readonly code = EmailUnchanged.code;
  readonly kind = 'invalid';

  constructor() {
    super(
      {
        fr: 'La nouvelle adresse courriel est identique à l’adresse actuelle.',
        en: 'The new email address is the same as the current one.',
      },
      { field: 'email' },
    );
  }
}

/** Withdrawing `admin` from, or deactivating, the only active administrator. */
export class LastAdministrator extends DomainError {
  static readonly code = 'ACCOUNTS.LAST_ADMINISTRATOR';
  readonly code = LastAdministrator.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Impossible : ce compte est le seul administrateur actif. Accordez d’abord le rôle à une autre personne.',
      en: 'Not possible: this account is the only active administrator. Grant the role to someone else first.',
    });
  }
}

/** Staff cannot deactivate their own account. */
export class CannotDeactivateOwnAccount extends DomainError {
  static readonly code = 'ACCOUNTS.CANNOT_DEACTIVATE_OWN_ACCOUNT';
  readonly code = CannotDeactivateOwnAccount.code;
  readonly kind = 'forbidden';

  constructor() {
    super({ fr: 'Vous ne pouvez pas désactiver votre propre compte.', en: 'You cannot deactivate your own account.' });
  }
}

export type RoleNotAllowedReason = 'not-self-service' | 'trainer-from-registry' | 'not-staff' | 'learner-needs-code';

export class RoleNotAllowed extends DomainError {
  static readonly code = 'ACCOUNTS.ROLE_NOT_ALLOWED';
  readonly code = RoleNotAllowed.code;
  readonly kind = 'invalid';
  private static readonly messagesByReason: Record<RoleNotAllowedReason, LocalizedMessages> = {
    'not-self-service': {
      fr: 'On ne peut pas s’inscrire soi-même avec ce rôle.',
      en: 'This role cannot be chosen when registering.',
    },
    'trainer-from-registry': {
      fr: 'Le rôle de formateur est attribué par l’importation du registre des formateurs certifiés.',
      en: 'The trainer role is given by importing the registry of certified trainers.',
    },
    'not-staff': {
      fr: 'Un compte du personnel ne reçoit que des rôles du personnel.',
      en: 'A staff account only receives staff roles.',
    },
    'learner-needs-code': {
      fr: 'Un apprenant doit avoir un code d’utilisateur.',
      en: 'A learner must have a user code.',
    },
  };

  constructor(
    readonly role: string,
    readonly reason: RoleNotAllowedReason,
  ) {
    super(RoleNotAllowed.messagesByReason[reason], { role, reason });
  }
}

export class InvalidUsername extends DomainError {
  static readonly code = 'ACCOUNTS.INVALID_USERNAME';
  readonly code = InvalidUsername.code;
  readonly kind = 'invalid';

  constructor(hint: FieldHint = { field: 'username' }) {
    super(
      {
        fr: 'Le nom d’utilisateur doit compter de 3 à 40 caractères : lettres minuscules non accentuées, chiffres, points, tirets ou traits de soulignement, en commençant par une lettre.',
        en: 'The username must have 3 to 40 characters: lowercase unaccented letters, digits, periods, hyphens or underscores, starting with a letter.',
      },
      withField(hint),
    );
  }
}

export class UsernameTaken extends DomainError {
  static readonly code = 'ACCOUNTS.USERNAME_TAKEN';
  readonly code = UsernameTaken.code;
  readonly kind = 'conflict';

  constructor(hint: FieldHint = { field: 'username' }) {
    super(
      { fr: 'Ce nom d’utilisateur est déjà utilisé.', en: 'This username is already taken.' },
      withField(hint),
    );
  }
}

export class InvalidTrainerCardNumber extends DomainError {
  static readonly code = 'ACCOUNTS.INVALID_TRAINER_CARD_NUMBER';
  readonly code = InvalidTrainerCardNumber.code;
  readonly kind = 'invalid';

  constructor(hint: FieldHint = { field: 'cardNumber' }) {
    super(
      {
        fr: 'Le numéro de carte doit avoir la forme 003-1234 (trois chiffres, un tiret, puis des chiffres), précédé ou non des quatre lettres de l’abrégé.',
        en: 'The card number must have the form 003-1234 (three digits, a hyphen, then digits), with or without the four letters of the username in front.',
      },
      withField(hint),
    );
  }
}

/** The card number belongs to another account, or the account already holds another card. */
export class TrainerCardConflict extends DomainError {
  static readonly code = 'ACCOUNTS.TRAINER_CARD_CONFLICT';
  readonly code = TrainerCardConflict.code;
  readonly kind = 'conflict';

  constructor() {
    super({
      fr: 'Cette adresse courriel appartient à un compte lié à une autre carte de formateur.',
      en: 'This email address belongs to an account linked to another trainer card.',
    });
  }
}

export class InvalidLearnerUserCode extends DomainError {
  static readonly code = 'ACCOUNTS.INVALID_LEARNER_USER_CODE';
  readonly code = InvalidLearnerUserCode.code;
  readonly kind = 'invalid';

  constructor(hint: FieldHint = { field: 'userCode' }) {
    super(
      {
        fr: 'Le code d’utilisateur doit compter 8 caractères parmi les chiffres 2 à 9 et les lettres sans I, L, O ni U.',
        en: 'The user code must have 8 characters among the digits 2 to 9 and the letters except I, L, O and U.',
      },
      withField(hint),
    );
  }
}

/** The person's name is set by the trainer registry and cannot be edited in « Profil ». */
export class NameManagedByRegistry extends DomainError {
  static readonly code = 'ACCOUNTS.NAME_MANAGED_BY_REGISTRY';
  readonly code = NameManagedByRegistry.code;
  readonly kind = 'forbidden';

  constructor() {
    super({
      fr: 'Votre nom provient du registre des formateurs certifiés. Pour le corriger, communiquez avec le support.',
      en: 'Your name comes from the registry of certified trainers. To correct it, contact support.',
    });
  }
}
