/**
 * The web side's view of the Accounts HTTP API (libs/accounts/api). Declared here because web
 * code may not import the node-side contracts; keep in step with the API's DTOs.
 */

export const ROLES = [
  'trainer',
  'guardian',
  'learner',
  'operator',
  'owner',
  'admin',
  'card-clerk',
  'registrations-staff',
  'exam-staff',
  'seats-staff',
  'finance',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['admin', 'card-clerk', 'registrations-staff', 'exam-staff', 'seats-staff', 'finance'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The account types a person may choose when registering (POST /api/accounts/registrations `role`). */
export const SELF_SERVICE_ROLES = ['guardian', 'owner', 'learner'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

/** Where a session was opened: the public portal or the staff back-office. */
export type SignInChannel = 'portal' | 'back-office';

export type AccountStatus = 'pending-confirmation' | 'active' | 'deactivated';

/** GET /api/auth/me: what the apps know of the signed-in person. */
export interface Me {
  readonly id: string;
  /** « Abrégé ». */
  readonly username: string | null;
  /** « Prénom Nom », shown top right. */
  readonly name: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string;
  readonly roles: readonly string[];
  readonly channel: SignInChannel;
}

export interface SignInForm {
  /** « Nom d'utilisateur » or « Courriel ». */
  readonly login: string;
  readonly password: string;
  /** « Restez connecté pour 14 jours » (portal only). */
  readonly remember: boolean;
}

export interface RegistrationForm {
  readonly email: string;
  readonly password: string;
  readonly passwordConfirmation: string;
  /** The ALTCHA widget's payload. */
  readonly altcha: string;
  /** The account type; the API makes a parent (`guardian`) when it is left out. */
  readonly role: SelfServiceRole;
}

export interface PasswordResetRequestForm {
  readonly by: 'email' | 'card-number';
  readonly value: string;
}

export interface PasswordResetForm {
  readonly token: string;
  readonly password: string;
  readonly passwordConfirmation: string;
}

/** « Profil »: « Abrégé », « Nom », « Prénom », « Courriel ». */
export interface Profile {
  readonly accountId: string;
  readonly username: string | null;
  readonly email: string;
  /** The new address waiting for its confirmation link to be used. */
  readonly pendingEmail: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly roles: readonly string[];
  readonly trainerCardNumber: string | null;
  readonly certificationExpiresOn: string | null;
  readonly learnerUserCode: string | null;
  /** False for trainers: the registry owns their name. */
  readonly canEditName: boolean;
}

export interface PasswordChangeForm {
  readonly newPassword: string;
  readonly confirmation: string;
  readonly currentPassword: string;
}

/** A row of the back-office search. */
export interface AccountListItem {
  readonly accountId: string;
  readonly username: string | null;
  readonly email: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly roles: readonly Role[];
  readonly status: AccountStatus;
  readonly trainerCardNumber: string | null;
  readonly learnerUserCode: string | null;
  readonly createdAt: string;
  readonly lastSignedInAt: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface AccountSearch {
  readonly q?: string;
  readonly role?: Role;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface StaffAccountForm {
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly roles: readonly StaffRole[];
  readonly username: string | null;
}

/** One line of the security audit log (never a password or a token). */
export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: string;
  readonly action: string;
  readonly accountId: string | null;
  readonly actorId: string | null;
  readonly identifier: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

export interface AuditLogSearch {
  readonly accountId?: string;
  readonly action?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export type TrainerImportOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface TrainerImportRow {
  readonly line: number;
  readonly outcome: TrainerImportOutcome;
  readonly accountId: string | null;
  readonly username: string | null;
  readonly error: { readonly code: string; readonly fr: string; readonly en: string; readonly field: string | null } | null;
}

export interface TrainerImportReport {
  readonly rows: readonly TrainerImportRow[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}
