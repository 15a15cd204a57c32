import {
  CanadianPostalCode,
  Email,
  InvalidPersonName,
  InvalidPhoneNumber,
  LocalDate,
  PersonName,
  PhoneNumber,
  isDomainError,
} from '@guichet/shared/kernel';
import { InvalidCardRequestField } from './card-requests.errors';

export type CardRequestStatus = 'draft' | 'submitted' | 'invoiced' | 'paid' | 'cards-produced' | 'shipped' | 'canceled';
export type ParticipantTitle = 'mr' | 'mrs' | 'mx';
export const TITLES: readonly ParticipantTitle[] = ['mr', 'mrs', 'mx'];
export type PaymentMethodCode = 'card' | 'cheque' | 'deposit';
export type BillToCode = 'individual' | 'organization';
export const CARD_MINIMUM_CENTS = 500;
/** Unambiguous uppercase letters and digits (no 0/O, 1/I/L). */
export const VERIFICATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const VERIFICATION_CODE_LENGTH = 10;
const VERIFICATION_CODE_PATTERN = new RegExp(`^[${VERIFICATION_CODE_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`);
const MAX_TEXT = 200;

export function isVerificationCode(value: string): boolean {
  return VERIFICATION_CODE_PATTERN.test(value);
}

/** `C-2026-000123` (cards), `D-2026-000045` (requests): prefix, year, sequence on six digits or more. */
export function formatSequenceNumber(prefix: 'C' | 'D', year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Sequence must be ≥ 1, got ${sequence}`);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`Invalid year ${year}`);
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Accent-, case-, punctuation-insensitive form of a name, for duplicates and matching. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'.\-\s]+/g, ' ')
    .trim();
}

/** A required text, trimmed, inner spaces collapsed, at most `max` characters. */
export function requiredText(value: unknown, field: string, max = MAX_TEXT): string {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  if (text === '') throw new InvalidCardRequestField(field, 'required');
  if ([...text].length > max) throw new InvalidCardRequestField(field, 'too-long', { max });
  return text;
}

export function parseEmail(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new InvalidCardRequestField(field, 'required');
  return Email.parse(text, { field }).value;
}

export function parseDate(value: unknown, field: string): LocalDate {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new InvalidCardRequestField(field, 'required');
  return LocalDate.parse(text, { field });
}

/** First and last names, each with its own field name in the error. */
export function parseNames(firstName: unknown, lastName: unknown, fields: { first: string; last: string }): PersonName {
  try {
    return PersonName.of(String(firstName ?? ''), String(lastName ?? ''));
  } catch (error) {
    if (error instanceof InvalidPersonName || (isDomainError(error) && error.code === InvalidPersonName.code)) {
      const e = error as InvalidPersonName;
      throw new InvalidPersonName(e.part, e.reason, { field: e.part === 'first' ? fields.first : fields.last });
    }
    throw error;
  }
}

export interface DeliveryDetails {
  readonly address: string;
  readonly city: string;
  readonly postalCode: string;
  readonly attention: string;
  readonly email: string;
}

export interface SecondTrainerDetails {
  /** The account of the holder of the card (from the registry), so they see the request. */
  readonly accountId: string;
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface TrainerDetails {
  readonly accountId: string;
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

/** « Fiche de la session », checked (reference codes are checked by the application against the reference data). */
export interface SessionDetails {
  readonly trainerEmail: string;
  readonly secondTrainer: SecondTrainerDetails | null;
  readonly organizationTypeCode: string;
  /** The typed name, or the accredited institution's name. */
  readonly organizationName: string;
  readonly accreditedInstitutionId: string | null;
  readonly trainingLocation: string;
  readonly activityCode: string;
  readonly sessionEndDate: string;
  readonly delivery: DeliveryDetails;
}

export interface SessionFieldsRaw {
  readonly trainerEmail: unknown;
  readonly organizationTypeCode: unknown;
  readonly organizationName: unknown;
  readonly accreditedInstitutionId: unknown;
  readonly trainingLocation: unknown;
  readonly activityCode: unknown;
  readonly sessionEndDate: unknown;
  readonly delivery: { address: unknown; city: unknown; postalCode: unknown; attention: unknown; email: unknown } | null | undefined;
}

/**
 * Checks the session's own fields (`today`: Montréal's date). The organization name is resolved by the
 * caller for the accredited type; the second trainer comes checked against the registry.
 */
export function parseSessionDetails(
  raw: SessionFieldsRaw,
  today: LocalDate,
  resolved: { organizationName: string | null; accreditedInstitutionId: string | null; secondTrainer: SecondTrainerDetails | null },
): SessionDetails {
  const trainerEmail = parseEmail(raw.trainerEmail, 'trainerEmail');
  const organizationTypeCode = requiredText(raw.organizationTypeCode, 'organizationTypeCode', 60);
  const organizationName = requiredText(resolved.organizationName ?? raw.organizationName, resolved.accreditedInstitutionId ? 'accreditedInstitutionId' : 'organizationName');
  const trainingLocation = requiredText(raw.trainingLocation, 'trainingLocation');
  const activityCode = requiredText(raw.activityCode, 'activityCode', 60);
  const end = parseDate(raw.sessionEndDate, 'sessionEndDate');
  if (end.isAfter(today)) throw new InvalidCardRequestField('sessionEndDate', 'session-end-future');
  const d = raw.delivery ?? { address: '', city: '', postalCode: '', attention: '', email: '' };
  const delivery: DeliveryDetails = {
    address: requiredText(d.address, 'delivery.address'),
    city: requiredText(d.city, 'delivery.city', 100),
    postalCode: (() => {
      const text = typeof d.postalCode === 'string' ? d.postalCode.trim() : '';
      if (text === '') throw new InvalidCardRequestField('delivery.postalCode', 'required');
      return CanadianPostalCode.parse(text, { field: 'delivery.postalCode' }).value;
    })(),
    attention: requiredText(d.attention, 'delivery.attention'),
    email: parseEmail(d.email, 'delivery.email'),
  };
  return {
    trainerEmail,
    secondTrainer: resolved.secondTrainer,
    organizationTypeCode,
    organizationName,
    accreditedInstitutionId: resolved.accreditedInstitutionId,
    trainingLocation,
    activityCode,
    sessionEndDate: end.toString(),
    delivery,
  };
}

export interface ParticipantDetails {
  readonly title: ParticipantTitle;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  /** E.164 (`+15145551234`). */
  readonly phone: string;
  readonly extension: string | null;
}

export interface ParticipantFieldsRaw {
  readonly title: unknown;
  readonly firstName: unknown;
  readonly lastName: unknown;
  readonly birthDate: unknown;
  readonly phone: unknown;
  readonly extension: unknown;
}

/** « Fiche du participant »: all required but the extension; the birth date not in the future. */
export function parseParticipantDetails(raw: ParticipantFieldsRaw, today: LocalDate): ParticipantDetails {
  if (typeof raw.title !== 'string' || raw.title === '') throw new InvalidCardRequestField('title', 'required');
  if (!TITLES.includes(raw.title as ParticipantTitle)) throw new InvalidCardRequestField('title', 'title');
  const names = parseNames(raw.firstName, raw.lastName, { first: 'firstName', last: 'lastName' });
  const birth = parseDate(raw.birthDate, 'birthDate');
  if (birth.isAfter(today)) throw new InvalidCardRequestField('birthDate', 'birth-date-future');
  if (birth.isBefore(today.addYears(-120))) throw new InvalidCardRequestField('birthDate', 'birth-date-too-old');
  const phoneText = typeof raw.phone === 'string' ? raw.phone.trim() : '';
  if (phoneText === '') throw new InvalidCardRequestField('phone', 'required');
  const extension = raw.extension === null || raw.extension === undefined ? null : String(raw.extension);
  let phone: PhoneNumber;
  try {
    phone = PhoneNumber.parse(phoneText, extension, { field: 'phone' });
  } catch (error) {
    if (isDomainError(error) && error.details?.['reason'] === 'extension') throw new InvalidPhoneNumber('extension', { field: 'extension' });
    throw error;
  }
  return {
    title: raw.title as ParticipantTitle,
    firstName: names.firstName,
    lastName: names.lastName,
    birthDate: birth.toString(),
    phone: phone.e164,
    extension: phone.extension,
  };
}

/** `514-555-1234` for a stored E.164 number. */
export function displayPhone(e164: string): string {
  const n = e164.replace(/^\+1/, '');
  return n.length === 10 ? `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}` : e164;
}

/** Initials for the public verification page: `C. É.` */
export function initialsOf(firstName: string, lastName: string): string {
  const first = (s: string) => (s.trim().match(/\p{L}/u)?.[0] ?? '').toUpperCase();
  return `${first(firstName)}. ${first(lastName)}.`;
}
