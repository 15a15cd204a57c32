import type { AccountStatus } from '../common';
import type { Role } from '../roles';

/** What another context may know of an account (prefilled forms, names on documents). */
export interface AccountSummary {
  readonly accountId: string;
  readonly username: string | null;
  readonly email: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly roles: readonly Role[];
  readonly status: AccountStatus;
}

/** A certified trainer, for CardRequests (« Informations sur les formateurs / moniteurs »). */
export interface TrainerSummary {
  readonly accountId: string;
  readonly username: string;
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** `YYYY-MM-DD`. */
  readonly certificationExpiresOn: string;
  readonly active: boolean;
}

/** « Profil »: « Abrégé », « Nom », « Prénom », « Courriel ». */
export interface Profile {
  readonly accountId: string;
  /** « Abrégé ». */
  readonly username: string | null;
  readonly email: string;
  /** The address waiting for confirmation, if a change is outstanding. */
  readonly pendingEmail: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly roles: readonly Role[];
  readonly trainerCardNumber: string | null;
  readonly certificationExpiresOn: string | null;
  readonly learnerUserCode: string | null;
  /** False for trainers: the registry owns their name. */
  readonly canEditName: boolean;
}

/** A row of the back-office search. */
export interface AccountListItem extends AccountSummary {
  readonly trainerCardNumber: string | null;
  readonly learnerUserCode: string | null;
  /** ISO 8601 instants. */
  readonly createdAt: string;
  readonly lastSignedInAt: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}
