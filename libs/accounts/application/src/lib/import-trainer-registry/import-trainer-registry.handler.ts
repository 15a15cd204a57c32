import { hashToken } from '../shared/hash-token';
import {
  ImportTrainerRegistry,
  type TrainerImportReport,
  type TrainerImportRowResult,
  type TrainerRegistryRow,
} from '@guichet/accounts/contracts';
import { Account, AccountId, AccountRepository, EmailAlreadyInUse, TrainerCardNumber, Username, UsernameAllocator, UsernameAvailability, type TrainerRegistryEntry } from '@guichet/accounts/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { Clock, Email, isDomainError, LocalDate, PersonName, type DomainError, type Lang } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail, type AccountMailMessage } from '../ports/account-mail';
import { AuditLog } from '../ports/audit-log';
import { TokenGenerator } from '../ports/token-generator';
import { DuplicateCardInImport } from '../shared/accounts-application.errors';
import { staffAction } from '../shared/audit-entry';
import { StaffAuthorization } from '../shared/staff-authorization';

interface RowDone {
  readonly outcome: 'created' | 'updated' | 'unchanged';
  readonly account: Account;
  readonly mail: AccountMailMessage | null;
}

/**
 * Imports the registry of certified trainers row by row, each row in its own unit of work: a
 * rejected row (bad value, duplicate card, conflict) is reported with its reason and the others are
 * kept. Matching: by card number first, then by e-mail (one person, one account). Mails go out after
 * each row commits. Errors that are not domain errors (the database is down) stop the import; the
 * rows already imported stay.
 */
@CommandHandler(ImportTrainerRegistry)
export class ImportTrainerRegistryHandler implements ICommandHandler<ImportTrainerRegistry> {
  private readonly authorization: StaffAuthorization;
  private readonly allocator: UsernameAllocator;

  constructor(
    private readonly accounts: AccountRepository,
    usernames: UsernameAvailability,
    private readonly tokens: TokenGenerator,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.authorization = new StaffAuthorization(accounts);
    this.allocator = new UsernameAllocator(usernames);
  }

  async execute(cmd: ImportTrainerRegistry): Promise<TrainerImportReport> {
    const actor = await this.authorization.require(cmd.actorId, 'accounts.import-trainers');
    const firstLineOfCard = new Map<string, number>();
    const rows: TrainerImportRowResult[] = [];
    for (const row of cmd.rows) {
      try {
        const entry = parseRow(row);
        const seenOn = firstLineOfCard.get(entry.cardNumber.value);
        if (seenOn !== undefined) throw new DuplicateCardInImport(seenOn);
        firstLineOfCard.set(entry.cardNumber.value, row.line);
        const done = await this.unitOfWork.run(() => this.importRow(entry, actor, cmd));
        if (done.mail !== null) await this.mail.send(done.mail);
        rows.push({
          line: row.line,
          outcome: done.outcome,
          accountId: done.account.id.value,
          username: done.account.username?.value ?? null,
          error: null,
        });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        rows.push({ line: row.line, outcome: 'rejected', accountId: null, username: null, error: describe(error) });
      }
    }
    const count = (outcome: TrainerImportRowResult['outcome']) => rows.filter((r) => r.outcome === outcome).length;
    return { rows, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected') };
  }

  private async importRow(entry: TrainerRegistryEntry, actor: AccountId, cmd: ImportTrainerRegistry): Promise<RowDone> {
    const now = this.clock.now();
    const byCard = await this.accounts.findByTrainerCard(entry.cardNumber);
    const byEmail = await this.accounts.findByEmail(entry.email);
    let done: RowDone;
    if (byCard !== null) {
      if (byEmail !== null && !byEmail.id.equals(byCard.id)) throw new EmailAlreadyInUse({ field: 'email' });
      const outcome = byCard.applyRegistryEntry(entry, null, actor, now);
      done = { outcome, account: byCard, mail: this.resendIfNoPassword(byCard, outcome, actor, now, cmd.lang) };
    } else if (byEmail !== null) {
      const username = byEmail.username === null ? await this.allocator.allocate(Username.forTrainer(entry.name, entry.cardNumber)) : null;
      const outcome = byEmail.applyRegistryEntry(entry, username, actor, now);
      done = { outcome, account: byEmail, mail: this.resendIfNoPassword(byEmail, outcome, actor, now, cmd.lang) };
    } else {
      const token = this.tokens.generate();
      const account = Account.importTrainer({
        id: AccountId.generate(),
        entry,
        username: await this.allocator.allocate(Username.forTrainer(entry.name, entry.cardNumber)),
        setPasswordToken: hashToken(token),
        by: actor,
        now,
      });
      done = { outcome: 'created', account, mail: setPasswordMail(account, token, cmd.lang) };
    }
    if (done.outcome === 'unchanged') return done;
    await this.accounts.save(done.account);
    await this.audit.record(
      staffAction('trainer-imported', now, done.account.id.value, actor.value, cmd.client, { outcome: done.outcome }),
    );
    return done;
  }

  /** A trainer who never set a password gets a fresh link when the row changed (maybe the address). */
  private resendIfNoPassword(
    account: Account,
    outcome: 'updated' | 'unchanged',
    actor: AccountId,
    now: Date,
    lang: Lang,
  ): AccountMailMessage | null {
    if (outcome === 'unchanged' || account.hasPassword || account.status === 'deactivated') return null;
    const token = this.tokens.generate();
    account.issueSetPasswordLink(hashToken(token), now, actor);
    return setPasswordMail(account, token, lang);
  }
}

function parseRow(row: TrainerRegistryRow): TrainerRegistryEntry {
  return {
    cardNumber: TrainerCardNumber.parse(row.cardNumber, { field: 'cardNumber' }),
    name: PersonName.of(row.firstName, row.lastName, { field: 'name' }),
    email: Email.parse(row.email, { field: 'email' }),
    certificationExpiresOn: LocalDate.parse((row.certificationExpiresOn ?? '').trim(), { field: 'certificationExpiresOn' }),
  };
}

function setPasswordMail(account: Account, token: string, lang: Lang): AccountMailMessage {
  return {
    template: 'set-password',
    to: account.email.value,
    lang,
    token,
    username: account.username?.value ?? null,
    firstName: account.name?.firstName ?? null,
    audience: 'portal',
  };
}

function describe(error: DomainError): NonNullable<TrainerImportRowResult['error']> {
  const field = error.details?.['field'];
  return { code: error.code, fr: error.messageIn('fr'), en: error.messageIn('en'), field: typeof field === 'string' ? field : null };
}
