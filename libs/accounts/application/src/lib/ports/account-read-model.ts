import type {
  AccountListItem,
  AccountSearchCriteria,
  AccountSummary,
  Page,
  Profile,
  TrainerSummary,
} from '@guichet/accounts/contracts';

/**
 * Port: the queries' side. Reads the accounts schema with SQL straight into the contracts' read
 * models (no aggregate loading). Ids given are valid UUIDs; the card number is canonical (`003-1234`).
 */
export abstract class AccountReadModel {
  abstract summary(accountId: string): Promise<AccountSummary | null>;

  abstract trainerByCardNumber(cardNumber: string): Promise<TrainerSummary | null>;

  /** `pendingEmail` from the outstanding, unexpired, unconsumed `email-change` token, if any. */
  abstract profile(accountId: string): Promise<Profile | null>;

  /** `page` ≥ 1 and `pageSize` 1..100 already clamped; sorted by last name, first name, e-mail. */
  abstract search(criteria: AccountSearchCriteria): Promise<Page<AccountListItem>>;
}
