import type { AccountListItem, AccountSearchCriteria, AccountSummary, AuditEntryView, AuditLogCriteria, Page, Profile, TrainerSummary } from '@guichet/accounts/contracts';
import {
  Account,
  AccountNotFound,
  AccountRepository,
  EmailAlreadyInUse,
  LearnerUserCode,
  LearnerUserCodes,
  PasswordHasher,
  Session,
  SessionRepository,
  toPasswordHash,
  TrainerCardConflict,
  UsernameAvailability,
  UsernameTaken,
  type AccountId,
  type AccountSnapshot,
  type Password,
  type PasswordHash,
  type SessionEndReason,
  type SessionId,
  type SessionSnapshot,
  type TokenHash,
  type TrainerCardNumber,
  type Username,
} from '@guichet/accounts/domain';
import { UnitOfWork } from '@guichet/shared/application';
import type { Email, IntegrationEventEnvelope } from '@guichet/shared/kernel';
import { accountIntegrationEvents } from '../lib/integration-events/account-integration-events';
import { AccountMail, type AccountMailMessage } from '../lib/ports/account-mail';
import { AccountReadModel } from '../lib/ports/account-read-model';
import { AuditLog, type AuditRecord } from '../lib/ports/audit-log';
import { TokenGenerator } from '../lib/ports/token-generator';

/** Keeps snapshots, like a database: a change not saved is lost, and unique keys are enforced. */
export class InMemoryAccountRepository extends AccountRepository {
  readonly rows = new Map<string, AccountSnapshot>();
  readonly outbox: IntegrationEventEnvelope[] = [];

  async get(id: AccountId): Promise<Account> {
    const found = await this.findById(id);
    if (found === null) throw new AccountNotFound(id.value);
    return found;
  }

  async findById(id: AccountId): Promise<Account | null> {
    return this.load((row) => row.id === id.value);
  }

  async findByEmail(email: Email): Promise<Account | null> {
    return this.load((row) => row.email === email.value);
  }

  async findByUsername(username: Username): Promise<Account | null> {
    return this.load((row) => row.username === username.value);
  }

  async findByTrainerCard(card: TrainerCardNumber): Promise<Account | null> {
    return this.load((row) => row.trainerCardNumber === card.value);
  }

  async findByActionToken(hash: TokenHash): Promise<Account | null> {
    return this.load((row) => row.tokens.some((token) => token.hash === hash.value));
  }

  async lockActiveAdministratorIds(): Promise<AccountId[]> {
    return [...this.rows.values()]
      .filter((row) => row.status === 'active' && row.roles.includes('admin'))
      .map((row) => Account.restore(row).id);
  }

  async save(account: Account): Promise<void> {
    const snapshot = account.toSnapshot();
    for (const other of this.rows.values()) {
      if (other.id === snapshot.id) continue;
      if (other.email === snapshot.email) throw new EmailAlreadyInUse();
      if (snapshot.username !== null && other.username === snapshot.username) throw new UsernameTaken();
      if (snapshot.trainerCardNumber !== null && other.trainerCardNumber === snapshot.trainerCardNumber) throw new TrainerCardConflict();
    }
    const stored = this.rows.get(snapshot.id);
    if ((stored?.version ?? 0) !== account.version) throw new Error(`Version conflict on ${snapshot.id}`);
    account.markPersisted();
    this.rows.set(snapshot.id, { ...snapshot, version: account.version });
    this.outbox.push(...account.pullEvents().flatMap(accountIntegrationEvents));
  }

  /** For tests: the stored state of the only account with this e-mail. */
  stored(email: string): AccountSnapshot {
    const row = [...this.rows.values()].find((r) => r.email === email);
    if (row === undefined) throw new Error(`No account ${email}`);
    return row;
  }

  private load(match: (row: AccountSnapshot) => boolean): Account | null {
    const row = [...this.rows.values()].find(match);
    return row === undefined ? null : Account.restore(row);
  }
}

export class InMemorySessionRepository extends SessionRepository {
  readonly rows = new Map<string, SessionSnapshot>();

  async findByTokenHash(hash: TokenHash): Promise<Session | null> {
    const row = [...this.rows.values()].find((r) => r.tokenHash === hash.value);
    return row === undefined ? null : Session.restore(row);
  }

  async save(session: Session): Promise<void> {
    this.rows.set(session.id.value, session.toSnapshot());
  }

  async revokeAllOf(accountId: AccountId, reason: SessionEndReason, now: Date, except?: SessionId): Promise<number> {
    let count = 0;
    for (const row of this.rows.values()) {
      if (row.accountId !== accountId.value || row.id === except?.value) continue;
      const session = Session.restore(row);
      if (session.revoke(reason, now)) {
        this.rows.set(row.id, session.toSnapshot());
        count++;
      }
    }
    return count;
  }

  of(accountId: string): SessionSnapshot[] {
    return [...this.rows.values()].filter((r) => r.accountId === accountId);
  }
}

/** `fake:<plain>`, counting each hash computation so timing rules can be checked. */
export class FakePasswordHasher extends PasswordHasher {
  computations = 0;

  async hash(password: Password): Promise<PasswordHash> {
    this.computations++;
    return toPasswordHash(`fake:${password.reveal()}`);
  }

  async verify(hash: PasswordHash, candidate: string): Promise<boolean> {
    this.computations++;
    return hash === `fake:${candidate}`;
  }

  async hashForTiming(_candidate: string): Promise<void> {
    this.computations++;
  }
}

export class SequentialTokenGenerator extends TokenGenerator {
  private n = 0;
  readonly issued: string[] = [];

  generate(): string {
    const token = `tok-${++this.n}-${'x'.repeat(32)}`;
    this.issued.push(token);
    return token;
  }
}

export class RecordingMail extends AccountMail {
  readonly sent: AccountMailMessage[] = [];

  async send(message: AccountMailMessage): Promise<void> {
    this.sent.push(message);
  }

  /** The token of the last mail of this template to this address. */
  lastToken(template: AccountMailMessage['template'], to: string): string {
    const found = [...this.sent].reverse().find((m) => m.template === template && m.to === to);
    if (found === undefined || !('token' in found)) throw new Error(`No ${template} mail with a token to ${to}`);
    return found.token;
  }
}

export class RecordingAuditLog extends AuditLog {
  readonly entries: AuditRecord[] = [];
  lastCriteria: AuditLogCriteria | undefined;

  async record(entry: AuditRecord): Promise<void> {
    this.entries.push(entry);
  }

  async search(criteria: AuditLogCriteria): Promise<Page<AuditEntryView>> {
    this.lastCriteria = criteria;
    return { items: [], total: 0, page: criteria.page, pageSize: criteria.pageSize };
  }

  actions(): string[] {
    return this.entries.map((e) => e.action);
  }
}

/** Runs the work directly, counting units of work; a failing unit rolls nothing back here, so specs check it is used. */
export class FakeUnitOfWork extends UnitOfWork {
  runs = 0;
  private depth = 0;

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.runs++;
    this.depth++;
    try {
      return await work();
    } finally {
      this.depth--;
    }
  }

  get active(): boolean {
    return this.depth > 0;
  }
}

export class SequentialLearnerCodes extends LearnerUserCodes {
  private n = 0;

  async next(): Promise<LearnerUserCode> {
    const codes = ['K7M4Q2XP', 'K7M4Q2XQ', 'K7M4Q2XR'];
    return LearnerUserCode.parse(codes[this.n++ % codes.length]);
  }
}

export class RepositoryUsernameAvailability extends UsernameAvailability {
  constructor(private readonly accounts: InMemoryAccountRepository) {
    super();
  }

  async isAvailable(username: Username): Promise<boolean> {
    return (await this.accounts.findByUsername(username)) === null;
  }
}

/** Answers from the aggregate snapshots, as the SQL read model would. */
export class SnapshotReadModel extends AccountReadModel {
  lastSearch: AccountSearchCriteria | undefined;

  constructor(private readonly accounts: InMemoryAccountRepository) {
    super();
  }

  async summary(accountId: string): Promise<AccountSummary | null> {
    const row = this.accounts.rows.get(accountId);
    return row === undefined
      ? null
      : { accountId: row.id, username: row.username, email: row.email, firstName: row.firstName, lastName: row.lastName, roles: row.roles, status: row.status };
  }

  async trainerByCardNumber(cardNumber: string): Promise<TrainerSummary | null> {
    const row = [...this.accounts.rows.values()].find((r) => r.trainerCardNumber === cardNumber);
    if (row === undefined || row.username === null || row.firstName === null || row.lastName === null) return null;
    return {
      accountId: row.id,
      username: row.username,
      cardNumber,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      certificationExpiresOn: row.certificationExpiresOn ?? '',
      active: row.status === 'active',
    };
  }

  async profile(accountId: string): Promise<Profile | null> {
    const row = this.accounts.rows.get(accountId);
    if (row === undefined) return null;
    return {
      accountId: row.id,
      username: row.username,
      email: row.email,
      pendingEmail: null,
      firstName: row.firstName,
      lastName: row.lastName,
      roles: row.roles,
      trainerCardNumber: row.trainerCardNumber,
      certificationExpiresOn: row.certificationExpiresOn,
      learnerUserCode: row.learnerUserCode,
      canEditName: row.trainerCardNumber === null,
    };
  }

  async search(criteria: AccountSearchCriteria): Promise<Page<AccountListItem>> {
    this.lastSearch = criteria;
    return { items: [], total: 0, page: criteria.page, pageSize: criteria.pageSize };
  }
}
