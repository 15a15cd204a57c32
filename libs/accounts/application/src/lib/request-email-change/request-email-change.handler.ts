import { hashToken } from '../shared/hash-token';
import { RequestEmailChange } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository, EmailAlreadyInUse } from '@guichet/accounts/domain';
import { Clock, Email } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail } from '../ports/account-mail';
import { AuditLog } from '../ports/audit-log';
import { TokenGenerator } from '../ports/token-generator';

@CommandHandler(RequestEmailChange)
export class RequestEmailChangeHandler implements ICommandHandler<RequestEmailChange> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenGenerator,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: RequestEmailChange): Promise<void> {
    const account = await this.accounts.get(AccountId.from(cmd.accountId));
    const newEmail = Email.parse(cmd.newEmail, { field: 'email' });
    const holder = await this.accounts.findByEmail(newEmail);
    if (holder !== null && !holder.id.equals(account.id)) throw new EmailAlreadyInUse();
    const token = this.tokens.generate();
    const now = this.clock.now();
    account.requestEmailChange(newEmail, hashToken(token), now);
    await this.accounts.save(account);
    await this.audit.record({
      action: 'email-change-requested',
      occurredAt: now,
      accountId: account.id.value,
      actorId: null,
      identifier: null,
      client: cmd.client,
      details: {},
    });
    await this.mail.send({ template: 'email-change-confirmation', to: newEmail.value, lang: cmd.lang, token });
  }
}
