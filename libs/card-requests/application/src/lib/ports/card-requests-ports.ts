import type {
  CardRequestHistoryEntry,
  CardRequestPage,
  CardRequestSearchFilters,
  CardRequestStatus,
  CardRequestSummary,
  DuplicateHit,
  ParticipantSearchCriteria,
  ParticipantSearchHit,
  ReferenceDataInput,
  StaffReferenceData,
} from '@guichet/card-requests/contracts';
import type { Lang } from '@guichet/shared/kernel';

/** Port: the reference data (« Référentiels ») and the card price in force. */
export abstract class ReferenceDataStore {
  /** Everything, inactive entries included, both languages. */
  abstract load(): Promise<StaffReferenceData>;
  abstract save(input: ReferenceDataInput, actorId: string, now: Date): Promise<void>;
}

/** Port: a CSPRNG source of verification codes (10 unambiguous uppercase letters and digits). */
export abstract class VerificationCodeGenerator {
  abstract generate(): string;
}

/** A certified trainer, from Accounts' registry. */
export interface TrainerRecord {
  readonly accountId: string;
  readonly cardNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** `YYYY-MM-DD`. */
  readonly certificationExpiresOn: string;
  readonly active: boolean;
}

/** Port: Accounts' registry of certified trainers (through its contracts). */
export abstract class TrainerRegistry {
  abstract findByCardNumber(cardNumber: string): Promise<TrainerRecord | null>;
  /** The trainer record of a signed-in account, or null when it holds no trainer card. */
  abstract findByAccountId(accountId: string): Promise<TrainerRecord | null>;
}

export interface HistoryRecord {
  readonly at: Date;
  readonly action: string;
  /** Account id, or `system`. */
  readonly actor: string;
  readonly details: string | null;
}

/** Port: the append-only history of a request, written in the caller's unit of work. */
export abstract class CardRequestHistory {
  abstract append(requestId: string, record: HistoryRecord): Promise<void>;
}

export interface CardVerificationRecord {
  readonly firstName: string;
  readonly lastName: string;
  readonly activityName: string;
  readonly sessionEndDate: string;
  readonly expiresOn: string | null;
  readonly revoked: boolean;
  readonly requestStatus: CardRequestStatus;
}

/** Port: the read side. */
export abstract class CardRequestReadModel {
  /** The requests of `accountId` as trainer or second trainer, newest first. */
  abstract listForAccount(accountId: string, lang: Lang): Promise<readonly CardRequestSummary[]>;
  abstract search(filters: CardRequestSearchFilters & { page: number; pageSize: number }, lang: Lang): Promise<CardRequestPage>;
  abstract history(requestId: string): Promise<readonly CardRequestHistoryEntry[]>;
  /**
   * For each participant name key (`normalized last|normalized first|birth date`), the other
   * requests of the same trainer (not canceled) holding it.
   */
  abstract duplicates(trainerAccountId: string, excludeRequestId: string, nameKeys: readonly string[]): Promise<ReadonlyMap<string, readonly DuplicateHit[]>>;
  /** Accent- and case-insensitive, across all requests. */
  abstract searchParticipants(criteria: ParticipantSearchCriteria, lang: Lang): Promise<readonly ParticipantSearchHit[]>;
  abstract verification(code: string, lang: Lang): Promise<CardVerificationRecord | null>;
}

/** Port: the portal's public address (`PUBLIC_URL`), for mails and the verification URL. */
export abstract class CardRequestLinkSettings {
  abstract readonly publicUrl: string;
}
