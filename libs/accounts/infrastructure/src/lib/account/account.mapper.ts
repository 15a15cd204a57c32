import type { AccountSnapshot, AccountStatus, ActionTokenPurpose, ActionTokenSnapshot, Role } from '@guichet/accounts/domain';

/** A row of `accounts.accounts` as the repository selects it (`certification_expires_on` read as text). */
export interface AccountRow {
  readonly id: string;
  readonly version: number;
  readonly username: string | null;
  readonly email: string;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly roles: string[];
  readonly status: string;
  readonly password_hash: string | null;
  readonly trainer_card_number: string | null;
  /** `YYYY-MM-DD`: selected as `::text`, so no time zone shifts the date. */
  readonly certification_expires_on: string | null;
  readonly learner_user_code: string | null;
  readonly failed_sign_ins: number;
  readonly locked_until: Date | null;
  readonly last_signed_in_at: Date | null;
  readonly created_at: Date;
  readonly email_confirmed_at: Date | null;
}

/** A row of `accounts.action_tokens`: the hash of a link token, never the token. */
export interface ActionTokenRow {
  readonly purpose: string;
  readonly token_hash: string;
  readonly issued_at: Date;
  readonly expires_at: Date;
  readonly used_at: Date | null;
  readonly new_email: string | null;
}

/** The account columns, in the order of {@link accountColumnValues}. */
export const ACCOUNT_COLUMNS = [
  'username',
  'email',
  'first_name',
  'last_name',
  'roles',
  'status',
  'password_hash',
  'trainer_card_number',
  'certification_expires_on',
  'learner_user_code',
  'failed_sign_ins',
  'locked_until',
  'last_signed_in_at',
  'created_at',
  'email_confirmed_at',
  'search_text',
] as const;

export const SELECT_ACCOUNT = `
  SELECT id, version, username, email, first_name, last_name, roles, status, password_hash, trainer_card_number,
         certification_expires_on::text AS certification_expires_on, learner_user_code, failed_sign_ins, locked_until,
         last_signed_in_at, created_at, email_confirmed_at
    FROM accounts.accounts`;

export function toAccountSnapshot(row: AccountRow, tokens: readonly ActionTokenRow[]): AccountSnapshot {
  return {
    id: row.id,
    version: row.version,
    username: row.username,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    roles: row.roles as Role[],
    status: row.status as AccountStatus,
    passwordHash: row.password_hash,
    trainerCardNumber: row.trainer_card_number,
    certificationExpiresOn: row.certification_expires_on,
    learnerUserCode: row.learner_user_code,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
    lastSignedInAt: row.last_signed_in_at,
    createdAt: row.created_at,
    emailConfirmedAt: row.email_confirmed_at,
    tokens: tokens.map(toActionTokenSnapshot),
  };
}

export function toActionTokenSnapshot(row: ActionTokenRow): ActionTokenSnapshot {
  return {
    purpose: row.purpose as ActionTokenPurpose,
    hash: row.token_hash,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    consumedAt: row.used_at,
    newEmail: row.new_email,
  };
}

/** The column values of a snapshot, keyed like {@link ACCOUNT_COLUMNS}. */
export function accountColumnValues(s: AccountSnapshot): Record<(typeof ACCOUNT_COLUMNS)[number], unknown> {
  return {
    username: s.username,
    email: s.email,
    first_name: s.firstName,
    last_name: s.lastName,
    roles: [...s.roles],
    status: s.status,
    password_hash: s.passwordHash,
    trainer_card_number: s.trainerCardNumber,
    certification_expires_on: s.certificationExpiresOn,
    learner_user_code: s.learnerUserCode,
    failed_sign_ins: s.failedSignIns,
    locked_until: s.lockedUntil,
    last_signed_in_at: s.lastSignedInAt,
    created_at: s.createdAt,
    email_confirmed_at: s.emailConfirmedAt,
    search_text: searchText([s.username, s.email, s.firstName, s.lastName, s.trainerCardNumber, s.learnerUserCode]),
  };
}

/**
 * Lowercase without accents (`Éthier` → `ethier`), so a search typed without accents finds the name.
 * The same function normalizes the searched text.
 */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** ` word word …`: every word of the fields, folded, each after a space, so `LIKE '% ' || prefix || '%'` is a prefix match. */
export function searchText(fields: readonly (string | null)[]): string {
  const words = fields.flatMap((field) => (field === null ? [] : foldForSearch(field).split(/[\s'’]+/u))).filter((w) => w !== '');
  return words.map((word) => ` ${word}`).join('');
}
