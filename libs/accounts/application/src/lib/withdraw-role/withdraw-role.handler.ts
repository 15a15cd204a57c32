import { WithdrawRole } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository } from '@guichet/accounts/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '../ports/audit-log';
import { staffAction } from '../shared/audit-entry';
import { StaffAuthorization } from '../shared/staff-authorization';

/** Runs in one unit of work with the administrators' rows locked, so the last admin cannot be removed by a race. */
@CommandHandler(WithdrawRole)
export class WithdrawRoleHandler implements ICommandHandler<WithdrawRole> {
  private readonly authorization: StaffAuthorization;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.authorization = new StaffAuthorization(accounts);
  }

  execute(cmd: WithdrawRole): Promise<void> {
    return this.unitOfWork.run(async () => {
      const actor = await this.authorization.require(cmd.actorId, 'accounts.manage-staff');
      const activeAdministrators = await this.accounts.lockActiveAdministratorIds();
      const account = await this.accounts.get(AccountId.from(cmd.accountId));
      const now = this.clock.now();
      if (!account.withdrawRole(cmd.role, { by: actor, activeAdministrators }, now)) return;
      await this.accounts.save(account);
      await this.audit.record(staffAction('role-withdrawn', now, account.id.value, actor.value, cmd.client, { role: cmd.role }));
    });
  }
}
