import type { Email } from '@guichet/shared/kernel';
import type { AccountId } from './account-id';
import type { Account } from './account.aggregate';
import type { TokenHash } from './token-hash.value-object';
import type { TrainerCardNumber } from './trainer-card-number.value-object';
import type { Username } from './username.value-object';

/**
 * Port: where accounts live (schema `accounts`). An abstract class, so it is its own Nest DI token.
 *
 * The implementation extends `OutboxAggregateRepository` (`@guichet/shared/messaging`): it persists
 * `Account.toSnapshot()` (tokens in their own table: purpose, SHA-256 hash, dates, new e-mail; never a
 * raw token) and maps the recorded domain events with `accountIntegrationEvents` from
 * `@guichet/accounts/application` into the outbox, in the same transaction. Rebuild with
 * `Account.restore(snapshot)`. Every lookup joins the current unit of work when one is active.
 */
export abstract class AccountRepository {
  /** Throws `AccountNotFound` (`ACCOUNTS.ACCOUNT_NOT_FOUND`). */
  abstract get(id: AccountId): Promise<Account>;

  abstract findById(id: AccountId): Promise<Account | null>;

  /** By the canonical (lowercase) address; unique across accounts. */
  abstract findByEmail(email: Email): Promise<Account | null>;

  abstract findByUsername(username: Username): Promise<Account | null>;

  /** By the canonical card number (`003-1234`); unique across accounts. */
  abstract findByTrainerCard(card: TrainerCardNumber): Promise<Account | null>;

  /** The account holding a link token with this hash, outstanding or consumed; null when none does. */
  abstract findByActionToken(hash: TokenHash): Promise<Account | null>;

  /**
   * Ids of the active accounts holding `admin`, with their rows locked (`SELECT … FOR UPDATE`) until
   * the current unit of work ends. Call inside `UnitOfWork.run`: it serializes the "last admin" rule.
   */
  abstract lockActiveAdministratorIds(): Promise<AccountId[]>;

  /**
   * Saves the state and the recorded events (outbox) in one transaction, with optimistic
   * concurrency on `version`. Unique violations become domain errors: the e-mail →
   * `EmailAlreadyInUse`, the username → `UsernameTaken`, the card number → `TrainerCardConflict`.
   */
  abstract save(account: Account): Promise<void>;
}
