import { ReactivateAccount } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository } from '@guichet/accounts/domain';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '../ports/audit-log';
import { staffAction } from '../shared/audit-entry';
import { StaffAuthorization } from '../shared/staff-authorization';

@CommandHandler(ReactivateAccount)
export class ReactivateAccountHandler implements ICommandHandler<ReactivateAccount> {
  private readonly authorization: StaffAuthorization;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.authorization = new StaffAuthorization(accounts);
  }

  async execute(cmd: ReactivateAccount): Promise<void> {
    const actor = await this.authorization.require(cmd.actorId, 'accounts.manage-staff');
    const account = await this.accounts.get(AccountId.from(cmd.accountId));
    const now = this.clock.now();
    if (!account.reactivate(actor, now)) return;
    await this.accounts.save(account);
    await this.audit.record(staffAction('account-reactivated', now, account.id.value, actor.value, cmd.client));
  }
}
