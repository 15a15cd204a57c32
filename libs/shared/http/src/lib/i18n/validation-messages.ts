import type { Lang } from '@guichet/shared/kernel';

/** One broken class-validator constraint on one field, before translation. */
export interface FieldViolation {
  /** Dotted path from the body root, e.g. `address.postalCode` or `participants.0.email`. */
  readonly field: string;
  /** class-validator constraint name, e.g. `isString`, `maxLength`, `whitelistValidation`. */
  readonly constraint: string;
  /** The constraint's arguments (`maxLength(80)` gives `[80]`). */
  readonly args: readonly unknown[];
}

type Templates = Readonly<Record<Lang, string>>;

// Templates: {field} is the field path, {0} and {1} the constraint's arguments.
const MESSAGES: Readonly<Record<string, Templates>> = {
  whitelistValidation: { fr: 'Le champ « {field} » n’est pas permis.', en: 'The field “{field}” is not allowed.' },
  isDefined: { fr: 'Le champ « {field} » est obligatoire.', en: 'The field “{field}” is required.' },
  isNotEmpty: { fr: 'Le champ « {field} » est obligatoire.', en: 'The field “{field}” is required.' },
  isEmpty: { fr: 'Le champ « {field} » doit être vide.', en: 'The field “{field}” must be empty.' },
  isString: { fr: '« {field} » doit être une chaîne de caractères.', en: '“{field}” must be a string.' },
  isInt: { fr: '« {field} » doit être un nombre entier.', en: '“{field}” must be an integer.' },
  isNumber: { fr: '« {field} » doit être un nombre.', en: '“{field}” must be a number.' },
  isNumberString: { fr: '« {field} » doit être un nombre écrit en chiffres.', en: '“{field}” must be a numeric string.' },
  isBoolean: { fr: '« {field} » doit valoir vrai ou faux.', en: '“{field}” must be true or false.' },
  isEmail: { fr: '« {field} » doit être une adresse courriel valide.', en: '“{field}” must be a valid email address.' },
  isUrl: { fr: '« {field} » doit être une adresse Web valide.', en: '“{field}” must be a valid URL.' },
  isUUID: { fr: '« {field} » doit être un identifiant UUID.', en: '“{field}” must be a UUID.' },
  isDateString: { fr: '« {field} » doit être une date au format AAAA-MM-JJ.', en: '“{field}” must be a date in YYYY-MM-DD format.' },
  isISO8601: { fr: '« {field} » doit être une date au format AAAA-MM-JJ.', en: '“{field}” must be a date in YYYY-MM-DD format.' },
  isDate: { fr: '« {field} » doit être une date.', en: '“{field}” must be a date.' },
  minDate: { fr: '« {field} » doit être au plus tôt le {0}.', en: '“{field}” must be on or after {0}.' },
  maxDate: { fr: '« {field} » doit être au plus tard le {0}.', en: '“{field}” must be on or before {0}.' },
  isEnum: { fr: '« {field} » doit être l’une des valeurs suivantes : {1}.', en: '“{field}” must be one of: {1}.' },
  isIn: { fr: '« {field} » doit être l’une des valeurs suivantes : {0}.', en: '“{field}” must be one of: {0}.' },
  isNotIn: { fr: '« {field} » ne doit pas valoir : {0}.', en: '“{field}” must not be one of: {0}.' },
  minLength: { fr: '« {field} » doit contenir au moins {0} caractères.', en: '“{field}” must be at least {0} characters long.' },
  maxLength: { fr: '« {field} » doit contenir au plus {0} caractères.', en: '“{field}” must be at most {0} characters long.' },
  isLength: { fr: '« {field} » doit contenir de {0} à {1} caractères.', en: '“{field}” must be {0} to {1} characters long.' },
  min: { fr: '« {field} » doit être supérieur ou égal à {0}.', en: '“{field}” must be at least {0}.' },
  max: { fr: '« {field} » doit être inférieur ou égal à {0}.', en: '“{field}” must be at most {0}.' },
  isPositive: { fr: '« {field} » doit être un nombre positif.', en: '“{field}” must be a positive number.' },
  isNegative: { fr: '« {field} » doit être un nombre négatif.', en: '“{field}” must be a negative number.' },
  matches: { fr: '« {field} » n’a pas le format attendu.', en: '“{field}” does not have the expected format.' },
  isPhoneNumber: { fr: '« {field} » doit être un numéro de téléphone valide.', en: '“{field}” must be a valid phone number.' },
  isPostalCode: { fr: '« {field} » doit être un code postal valide.', en: '“{field}” must be a valid postal code.' },
  isArray: { fr: '« {field} » doit être une liste.', en: '“{field}” must be a list.' },
  arrayNotEmpty: { fr: 'La liste « {field} » ne doit pas être vide.', en: 'The list “{field}” must not be empty.' },
  arrayMinSize: { fr: 'La liste « {field} » doit contenir au moins {0} élément(s).', en: 'The list “{field}” must contain at least {0} item(s).' },
  arrayMaxSize: { fr: 'La liste « {field} » doit contenir au plus {0} élément(s).', en: 'The list “{field}” must contain at most {0} item(s).' },
  arrayUnique: { fr: 'La liste « {field} » ne doit pas contenir de doublons.', en: 'The list “{field}” must not contain duplicates.' },
  isObject: { fr: '« {field} » doit être un objet.', en: '“{field}” must be an object.' },
  nestedValidation: { fr: '« {field} » doit être un objet ou une liste d’objets.', en: '“{field}” must be an object or a list of objects.' },
};

const FALLBACK: Templates = { fr: 'La valeur de « {field} » n’est pas valide.', en: 'The value of “{field}” is not valid.' };

/** Constraint names that have their own message (others get a generic "not valid" one). */
export const TRANSLATED_CONSTRAINTS: readonly string[] = Object.keys(MESSAGES);

function formatArg(value: unknown, lang: Lang): string {
  if (Array.isArray(value)) return value.map((v) => formatArg(v, lang)).join(', ');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return value.toLocaleString(lang === 'fr' ? 'fr-CA' : 'en-CA');
  if (value !== null && typeof value === 'object') return Object.values(value).map((v) => formatArg(v, lang)).join(', ');
  return String(value);
}

/** The message for one violation, in `lang`, naming the field. */
export function translateViolation(violation: FieldViolation, lang: Lang): string {
  const template = (MESSAGES[violation.constraint] ?? FALLBACK)[lang];
  return template.replace(/\{(field|\d)\}/g, (_, key: string) =>
    key === 'field' ? violation.field : formatArg(violation.args[Number(key)], lang),
  );
}
