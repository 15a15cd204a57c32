import { hashToken } from '../shared/hash-token';
import { ConfirmEmail } from '@guichet/accounts/contracts';
import { AccountRepository, InvalidLink } from '@guichet/accounts/domain';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '../ports/audit-log';

@CommandHandler(ConfirmEmail)
export class ConfirmEmailHandler implements ICommandHandler<ConfirmEmail> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ConfirmEmail): Promise<void> {
    const hash = hashToken(cmd.token);
    const account = await this.accounts.findByActionToken(hash);
    if (account === null) throw new InvalidLink();
    const now = this.clock.now();
    account.confirmEmail(hash, now);
    await this.accounts.save(account);
    await this.audit.record({
      action: 'email-confirmed',
      occurredAt: now,
      accountId: account.id.value,
      actorId: null,
      identifier: null,
      client: cmd.client,
      details: {},
    });
  }
}
