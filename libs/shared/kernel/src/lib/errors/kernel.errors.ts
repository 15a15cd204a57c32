import { DomainError, type ErrorDetails, type LocalizedMessages } from './domain.error';

/** Where the bad value came from, so the client can point at the right form field. */
export interface FieldHint {
  readonly field?: string;
}

function detailsOf(reason: string, hint: FieldHint | undefined, extra: ErrorDetails = {}): ErrorDetails {
  return hint?.field === undefined ? { reason, ...extra } : { field: hint.field, reason, ...extra };
}

export type InvalidEmailReason = 'format' | 'too-long';

export class InvalidEmail extends DomainError {
  static readonly code = 'KERNEL.INVALID_EMAIL';
  readonly code = InvalidEmail.code;
  readonly kind = 'invalid';
  private static readonly messagesByReason: Record<InvalidEmailReason, LocalizedMessages> = {
    format: { fr: "L'adresse courriel n'est pas valide.", en: 'The email address is not valid.' },
    'too-long': {
      fr: "L'adresse courriel ne doit pas dépasser 254 caractères.",
      en: 'The email address must not exceed 254 characters.',
    },
  };

  constructor(readonly reason: InvalidEmailReason = 'format', hint?: FieldHint) {
    super(InvalidEmail.messagesByReason[reason], detailsOf(reason, hint));
  }
}

export type InvalidPostalCodeReason = 'format' | 'letter' | 'region';

export class InvalidPostalCode extends DomainError {
  static readonly code = 'KERNEL.INVALID_POSTAL_CODE';
  readonly code = InvalidPostalCode.code;
  readonly kind = 'invalid';
  private static readonly messagesByReason: Record<InvalidPostalCodeReason, LocalizedMessages> = {
    format: { fr: 'Le code postal doit avoir la forme A1A 1A1.', en: 'The postal code must have the form A1A 1A1.' },
    letter: {
      fr: 'Le code postal ne peut pas contenir les lettres D, F, I, O, Q ou U.',
      en: 'The postal code cannot contain the letters D, F, I, O, Q or U.',
    },
    region: {
      fr: 'La première lettre du code postal ne correspond à aucune province ni à aucun territoire.',
      en: 'The first letter of the postal code does not match any province or territory.',
    },
  };

  constructor(readonly reason: InvalidPostalCodeReason = 'format', hint?: FieldHint) {
    super(InvalidPostalCode.messagesByReason[reason], detailsOf(reason, hint));
  }
}

export type InvalidPhoneNumberReason = 'format' | 'area-code' | 'exchange' | 'extension';

export class InvalidPhoneNumber extends DomainError {
  static readonly code = 'KERNEL.INVALID_PHONE_NUMBER';
  readonly code = InvalidPhoneNumber.code;
  readonly kind = 'invalid';
  private static readonly messagesByReason: Record<InvalidPhoneNumberReason, LocalizedMessages> = {
    format: {
      fr: 'Le numéro de téléphone doit compter 10 chiffres, par exemple 514 555-1234.',
      en: 'The phone number must have 10 digits, for example 514 555-1234.',
    },
    'area-code': {
      fr: "L'indicatif régional du numéro de téléphone n'est pas valide.",
      en: 'The area code of the phone number is not valid.',
    },
    exchange: {
      fr: "Le numéro de téléphone n'est pas un numéro nord-américain valide.",
      en: 'The phone number is not a valid North American number.',
    },
    extension: { fr: 'Le poste doit compter de 1 à 6 chiffres.', en: 'The extension must have 1 to 6 digits.' },
  };

  constructor(readonly reason: InvalidPhoneNumberReason = 'format', hint?: FieldHint) {
    super(InvalidPhoneNumber.messagesByReason[reason], detailsOf(reason, hint));
  }
}

export type PersonNamePart = 'first' | 'last';
export type InvalidPersonNameReason = 'required' | 'too-long' | 'characters';

export class InvalidPersonName extends DomainError {
  static readonly code = 'KERNEL.INVALID_PERSON_NAME';
  readonly code = InvalidPersonName.code;
  readonly kind = 'invalid';

  constructor(
    readonly part: PersonNamePart,
    readonly reason: InvalidPersonNameReason,
    hint?: FieldHint,
  ) {
    super(InvalidPersonName.messagesFor(part, reason), detailsOf(reason, hint, { part }));
  }

  private static messagesFor(part: PersonNamePart, reason: InvalidPersonNameReason): LocalizedMessages {
    const fr = part === 'first' ? 'Le prénom' : 'Le nom';
    const en = part === 'first' ? 'The first name' : 'The last name';
    switch (reason) {
      case 'required':
        return { fr: `${fr} est obligatoire.`, en: `${en} is required.` };
      case 'too-long':
        return { fr: `${fr} ne doit pas dépasser 100 caractères.`, en: `${en} must not exceed 100 characters.` };
      case 'characters':
        return {
          fr: `${fr} ne peut contenir que des lettres, des espaces, des traits d'union, des apostrophes et des points.`,
          en: `${en} may contain only letters, spaces, hyphens, apostrophes and periods.`,
        };
    }
  }
}

export type InvalidMoneyReason = 'format' | 'not-integer' | 'out-of-range';

export class InvalidMoney extends DomainError {
  static readonly code = 'KERNEL.INVALID_MONEY';
  readonly code = InvalidMoney.code;
  readonly kind = 'invalid';
  private static readonly messagesByReason: Record<InvalidMoneyReason, LocalizedMessages> = {
    format: {
      fr: 'Le montant doit être un nombre avec au plus deux décimales, par exemple 12,34.',
      en: 'The amount must be a number with at most two decimals, for example 12.34.',
    },
    'not-integer': {
      fr: 'Le montant doit être un nombre entier de cents.',
      en: 'The amount must be a whole number of cents.',
    },
    'out-of-range': { fr: 'Le montant est trop élevé.', en: 'The amount is too large.' },
  };

  constructor(readonly reason: InvalidMoneyReason = 'format', hint?: FieldHint) {
    super(InvalidMoney.messagesByReason[reason], detailsOf(reason, hint));
  }
}

export class UnsupportedCurrency extends DomainError {
  static readonly code = 'KERNEL.UNSUPPORTED_CURRENCY';
  readonly code = UnsupportedCurrency.code;
  readonly kind = 'invalid';

  constructor(readonly currency: string) {
    super(
      {
        fr: `La devise ${currency} n'est pas acceptée : seul le dollar canadien (CAD) l'est.`,
        en: `The currency ${currency} is not accepted: only the Canadian dollar (CAD) is.`,
      },
      { currency },
    );
  }
}

export class CurrencyMismatch extends DomainError {
  static readonly code = 'KERNEL.CURRENCY_MISMATCH';
  readonly code = CurrencyMismatch.code;
  readonly kind = 'invalid';

  constructor(
    readonly left: string,
    readonly right: string,
  ) {
    super(
      {
        fr: `Impossible de combiner des montants en devises différentes (${left} et ${right}).`,
        en: `Cannot combine amounts in different currencies (${left} and ${right}).`,
      },
      { left, right },
    );
  }
}

export type InvalidLocalDateReason = 'format' | 'nonexistent' | 'out-of-range';

export class InvalidLocalDate extends DomainError {
  static readonly code = 'KERNEL.INVALID_LOCAL_DATE';
  readonly code = InvalidLocalDate.code;
  readonly kind = 'invalid';
  private static readonly messagesByReason: Record<InvalidLocalDateReason, LocalizedMessages> = {
    format: {
      fr: 'La date doit avoir la forme AAAA-MM-JJ, par exemple 2026-11-22.',
      en: 'The date must have the form YYYY-MM-DD, for example 2026-11-22.',
    },
    nonexistent: { fr: "Cette date n'existe pas dans le calendrier.", en: 'This date does not exist in the calendar.' },
    'out-of-range': {
      fr: "L'année de la date doit être comprise entre 1 et 9999.",
      en: 'The year of the date must be between 1 and 9999.',
    },
  };

  constructor(readonly reason: InvalidLocalDateReason = 'format', hint?: FieldHint) {
    super(InvalidLocalDate.messagesByReason[reason], detailsOf(reason, hint));
  }
}

export class InvalidId extends DomainError {
  static readonly code = 'KERNEL.INVALID_ID';
  readonly code = InvalidId.code;
  readonly kind = 'invalid';

  /** @param idType the id's class name (e.g. `TrainerId`), for the client and the logs. */
  constructor(readonly idType: string, hint?: FieldHint) {
    super(
      { fr: "L'identifiant n'est pas valide.", en: 'The identifier is not valid.' },
      detailsOf('format', hint, { idType }),
    );
  }
}
