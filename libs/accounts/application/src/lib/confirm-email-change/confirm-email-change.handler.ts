import { hashToken } from '../shared/hash-token';
import { ConfirmEmailChange } from '@guichet/accounts/contracts';
import { AccountRepository, EmailAlreadyInUse, InvalidLink } from '@guichet/accounts/domain';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail, maskEmail } from '../ports/account-mail';
import { AuditLog } from '../ports/audit-log';

/** The link sent to the new address; the old address is told once the change is saved. */
@CommandHandler(ConfirmEmailChange)
export class ConfirmEmailChangeHandler implements ICommandHandler<ConfirmEmailChange> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ConfirmEmailChange): Promise<void> {
    const hash = hashToken(cmd.token);
    const account = await this.accounts.findByActionToken(hash);
    if (account === null) throw new InvalidLink();
    const pending = account.pendingEmailFor(hash);
    if (pending !== null) {
      const holder = await this.accounts.findByEmail(pending);
      if (holder !== null && !holder.id.equals(account.id)) throw new EmailAlreadyInUse();
    }
    const now = this.clock.now();
    const { previous, current } = account.confirmEmailChange(hash, now);
    await this.accounts.save(account);
    await this.audit.record({
      action: 'email-changed',
      occurredAt: now,
      accountId: account.id.value,
      actorId: null,
      identifier: null,
      client: cmd.client,
      details: {},
    });
    await this.mail.send({ template: 'email-changed', to: previous.value, lang: cmd.lang, newEmailMasked: maskEmail(current.value) });
  }
}
