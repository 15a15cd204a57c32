import { GrantRole } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository, LearnerUserCodes } from '@guichet/accounts/domain';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '../ports/audit-log';
import { staffAction } from '../shared/audit-entry';
import { StaffAuthorization } from '../shared/staff-authorization';

@CommandHandler(GrantRole)
export class GrantRoleHandler implements ICommandHandler<GrantRole> {
  private readonly authorization: StaffAuthorization;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly learnerCodes: LearnerUserCodes,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.authorization = new StaffAuthorization(accounts);
  }

  async execute(cmd: GrantRole): Promise<void> {
    const actor = await this.authorization.require(cmd.actorId, 'accounts.manage-staff');
    const account = await this.accounts.get(AccountId.from(cmd.accountId));
    const code = cmd.role === 'learner' && account.learnerUserCode === null ? await this.learnerCodes.next() : null;
    const now = this.clock.now();
    if (!account.grantRole(cmd.role, actor, now, code)) return;
    await this.accounts.save(account);
    await this.audit.record(staffAction('role-granted', now, account.id.value, actor.value, cmd.client, { role: cmd.role }));
  }
}
