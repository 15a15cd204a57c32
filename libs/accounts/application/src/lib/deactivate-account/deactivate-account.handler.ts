import { DeactivateAccount } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository, SessionRepository } from '@guichet/accounts/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '../ports/audit-log';
import { staffAction } from '../shared/audit-entry';
import { StaffAuthorization } from '../shared/staff-authorization';

/** Deactivates and ends every session, in one unit of work with the administrators' rows locked. */
@CommandHandler(DeactivateAccount)
export class DeactivateAccountHandler implements ICommandHandler<DeactivateAccount> {
  private readonly authorization: StaffAuthorization;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.authorization = new StaffAuthorization(accounts);
  }

  execute(cmd: DeactivateAccount): Promise<void> {
    return this.unitOfWork.run(async () => {
      const actor = await this.authorization.require(cmd.actorId, 'accounts.manage-staff');
      const activeAdministrators = await this.accounts.lockActiveAdministratorIds();
      const account = await this.accounts.get(AccountId.from(cmd.accountId));
      const now = this.clock.now();
      if (!account.deactivate({ by: actor, activeAdministrators }, now)) return;
      await this.accounts.save(account);
      await this.sessions.revokeAllOf(account.id, 'account-deactivated', now);
      await this.audit.record(staffAction('account-deactivated', now, account.id.value, actor.value, cmd.client));
    });
  }
}
