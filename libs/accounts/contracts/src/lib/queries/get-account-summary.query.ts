import { Query } from '@nestjs/cqrs';
import type { AccountSummary } from './read-models';

/** For any context: the account's public facts, or null when the id matches no account. */
export class GetAccountSummary extends Query<AccountSummary | null> {
  constructor(readonly accountId: string) {
    super();
  }
}
