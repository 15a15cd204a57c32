import {
  FindTrainerByCardNumber,
  GetAccountSummary,
  GetProfile,
  SearchAccounts,
  SearchAuditLog,
  type AccountListItem,
  type AccountSummary,
  type AuditEntryView,
  type Page,
  type Profile,
  type TrainerSummary,
} from '@guichet/accounts/contracts';
import { AccountNotFound, AccountRepository, TrainerCardNumber } from '@guichet/accounts/domain';
import { isUuid } from '@guichet/shared/kernel';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccountReadModel } from '../ports/account-read-model';
import { AuditLog } from '../ports/audit-log';
import { StaffAuthorization } from '../shared/staff-authorization';

export const MAX_PAGE_SIZE = 100;

/** Page ≥ 1, size 1..100 (20 when absent or not a number). */
export function clampPaging(page: number, pageSize: number): { page: number; pageSize: number } {
  const safePage = Number.isInteger(page) && page >= 1 ? page : 1;
  const safeSize = Number.isInteger(pageSize) ? Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE) : 20;
  return { page: safePage, pageSize: safeSize };
}

@QueryHandler(GetAccountSummary)
export class GetAccountSummaryHandler implements IQueryHandler<GetAccountSummary> {
  constructor(private readonly readModel: AccountReadModel) {}

  execute(query: GetAccountSummary): Promise<AccountSummary | null> {
    return isUuid(query.accountId) ? this.readModel.summary(query.accountId.toLowerCase()) : Promise.resolve(null);
  }
}

@QueryHandler(FindTrainerByCardNumber)
export class FindTrainerByCardNumberHandler implements IQueryHandler<FindTrainerByCardNumber> {
  constructor(private readonly readModel: AccountReadModel) {}

  async execute(query: FindTrainerByCardNumber): Promise<TrainerSummary | null> {
    const card = TrainerCardNumber.tryParse(query.cardNumber);
    return card === null ? null : this.readModel.trainerByCardNumber(card.value);
  }
}

@QueryHandler(GetProfile)
export class GetProfileHandler implements IQueryHandler<GetProfile> {
  constructor(private readonly readModel: AccountReadModel) {}

  async execute(query: GetProfile): Promise<Profile> {
    const profile = isUuid(query.accountId) ? await this.readModel.profile(query.accountId.toLowerCase()) : null;
    if (profile === null) throw new AccountNotFound(query.accountId);
    return profile;
  }
}

@QueryHandler(SearchAccounts)
export class SearchAccountsHandler implements IQueryHandler<SearchAccounts> {
  private readonly authorization: StaffAuthorization;

  constructor(
    accounts: AccountRepository,
    private readonly readModel: AccountReadModel,
  ) {
    this.authorization = new StaffAuthorization(accounts);
  }

  async execute(query: SearchAccounts): Promise<Page<AccountListItem>> {
    await this.authorization.require(query.actorId, 'accounts.search');
    const text = query.criteria.text?.trim();
    return this.readModel.search({
      ...query.criteria,
      text: text === '' ? undefined : text,
      ...clampPaging(query.criteria.page, query.criteria.pageSize),
    });
  }
}

@QueryHandler(SearchAuditLog)
export class SearchAuditLogHandler implements IQueryHandler<SearchAuditLog> {
  private readonly authorization: StaffAuthorization;

  constructor(
    accounts: AccountRepository,
    private readonly audit: AuditLog,
  ) {
    this.authorization = new StaffAuthorization(accounts);
  }

  async execute(query: SearchAuditLog): Promise<Page<AuditEntryView>> {
    await this.authorization.require(query.actorId, 'accounts.read-audit-log');
    return this.audit.search({ ...query.criteria, ...clampPaging(query.criteria.page, query.criteria.pageSize) });
  }
}
