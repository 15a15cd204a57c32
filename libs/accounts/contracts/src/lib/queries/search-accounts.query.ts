import { Query } from '@nestjs/cqrs';
import type { AccountStatus } from '../common';
import type { Role } from '../roles';
import type { AccountListItem, Page } from './read-models';

export interface AccountSearchCriteria {
  /** Matches username, e-mail, first or last name (accent- and case-insensitive, prefix), card number or learner code. */
  readonly text?: string;
  readonly role?: Role;
  readonly status?: AccountStatus;
  /** 1-based. */
  readonly page: number;
  /** 1 to 100. */
  readonly pageSize: number;
}

/** Back-office (`accounts.search`): users, sorted by last name then first name. Throws `PermissionDenied`. */
export class SearchAccounts extends Query<Page<AccountListItem>> {
  constructor(
    readonly actorId: string,
    readonly criteria: AccountSearchCriteria,
  ) {
    super();
  }
}
