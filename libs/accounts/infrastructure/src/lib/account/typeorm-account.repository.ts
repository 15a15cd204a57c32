import { accountIntegrationEvents } from '@guichet/accounts/application';
import {
  Account,
  AccountId,
  AccountNotFound,
  AccountRepository,
  EmailAlreadyInUse,
  TrainerCardConflict,
  UsernameTaken,
  type TokenHash,
  type TrainerCardNumber,
  type Username,
} from '@guichet/accounts/domain';
import type { DomainEvent, Email } from '@guichet/shared/kernel';
import { Outbox, OutboxAggregateRepository, type OutgoingEvent, type SaveVersions } from '@guichet/shared/messaging';
import { TypeOrmUnitOfWork, updateVersioned } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { ACCOUNT_UNIQUE_INDEXES } from '../accounts.migration';
import {
  ACCOUNT_COLUMNS,
  accountColumnValues,
  SELECT_ACCOUNT,
  toAccountSnapshot,
  type AccountRow,
  type ActionTokenRow,
} from './account.mapper';

/**
 * Accounts in `accounts.accounts`, their link tokens in `accounts.action_tokens` (hashes only), and
 * the integration events of each save in the outbox, in one transaction, with optimistic concurrency.
 */
@Injectable()
export class TypeOrmAccountRepository extends OutboxAggregateRepository<Account> implements AccountRepository {
  constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) {
    super(unitOfWork, outbox);
  }

  async get(id: AccountId): Promise<Account> {
    const account = await this.findById(id);
    if (account === null) throw new AccountNotFound(id.value);
    return account;
  }

  findById(id: AccountId): Promise<Account | null> {
    return this.findOne(`id = $1`, id.value);
  }

  findByEmail(email: Email): Promise<Account | null> {
    return this.findOne(`lower(email) = lower($1)`, email.value);
  }

  findByUsername(username: Username): Promise<Account | null> {
    return this.findOne(`username = $1`, username.value);
  }

  findByTrainerCard(card: TrainerCardNumber): Promise<Account | null> {
    return this.findOne(`trainer_card_number = $1`, card.value);
  }

  findByActionToken(hash: TokenHash): Promise<Account | null> {
    return this.findOne(`id = (SELECT account_id FROM accounts.action_tokens WHERE token_hash = $1)`, hash.value);
  }

  async lockActiveAdministratorIds(): Promise<AccountId[]> {
    const rows: { id: string }[] = await this.unitOfWork
      .transactionManager('AccountRepository.lockActiveAdministratorIds')
      .query(`SELECT id FROM accounts.accounts WHERE status = 'active' AND 'admin' = ANY (roles) ORDER BY id FOR UPDATE`);
    return rows.map((row) => AccountId.from(row.id));
  }

  async save(account: Account): Promise<void> {
    try {
      await this.saveWithEvents(account);
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  }

  protected async persist(account: Account, manager: EntityManager, { expected, next }: SaveVersions): Promise<void> {
    const snapshot = account.toSnapshot();
    const values = accountColumnValues(snapshot);
    if (expected === 0) {
      const columns = ['id', 'version', ...ACCOUNT_COLUMNS];
      await manager.query(
        `INSERT INTO accounts.accounts (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        [snapshot.id, next, ...ACCOUNT_COLUMNS.map((column) => values[column])],
      );
    } else {
      // The root row first: it locks the account, so the token rows below are written by one save at a time.
      await updateVersioned(
        manager,
        { table: 'accounts.accounts', id: snapshot.id, expectedVersion: expected },
        { ...values, updated_at: new Date() },
      );
      await manager.query(`DELETE FROM accounts.action_tokens WHERE account_id = $1`, [snapshot.id]);
    }
    if (snapshot.tokens.length === 0) return;
    await manager.query(
      `INSERT INTO accounts.action_tokens (account_id, purpose, token_hash, issued_at, expires_at, used_at, new_email)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::text[])`,
      [
        snapshot.id,
        snapshot.tokens.map((t) => t.purpose),
        snapshot.tokens.map((t) => t.hash),
        snapshot.tokens.map((t) => t.issuedAt),
        snapshot.tokens.map((t) => t.expiresAt),
        snapshot.tokens.map((t) => t.consumedAt),
        snapshot.tokens.map((t) => t.newEmail),
      ],
    );
  }

  protected toIntegrationEvents(event: DomainEvent): readonly OutgoingEvent[] {
    return accountIntegrationEvents(event);
  }

  private async findOne(where: string, value: string): Promise<Account | null> {
    const manager = this.unitOfWork.manager;
    const [row]: AccountRow[] = await manager.query(`${SELECT_ACCOUNT} WHERE ${where}`, [value]);
    if (row === undefined) return null;
    const tokens: ActionTokenRow[] = await manager.query(
      `SELECT purpose, token_hash, issued_at, expires_at, used_at, new_email FROM accounts.action_tokens WHERE account_id = $1`,
      [row.id],
    );
    return Account.restore(toAccountSnapshot(row, tokens));
  }
}

/** PostgreSQL's unique_violation, by the index it hit; anything else passes through unchanged. */
function translateUniqueViolation(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  if (driverError?.code !== '23505') return error;
  switch (driverError.constraint) {
    case ACCOUNT_UNIQUE_INDEXES.email:
      return new EmailAlreadyInUse();
    case ACCOUNT_UNIQUE_INDEXES.username:
      return new UsernameTaken();
    case ACCOUNT_UNIQUE_INDEXES.trainerCard:
      return new TrainerCardConflict();
    default:
      return error;
  }
}
