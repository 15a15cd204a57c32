import { hashToken } from '../shared/hash-token';
import { SendResetLink } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository } from '@guichet/accounts/domain';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail } from '../ports/account-mail';
import { AuditLog } from '../ports/audit-log';
import { TokenGenerator } from '../ports/token-generator';
import { staffAction } from '../shared/audit-entry';
import { StaffAuthorization } from '../shared/staff-authorization';

/** Staff send the holder a link; they never see or set the password themselves. */
@CommandHandler(SendResetLink)
export class SendResetLinkHandler implements ICommandHandler<SendResetLink> {
  private readonly authorization: StaffAuthorization;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenGenerator,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.authorization = new StaffAuthorization(accounts);
  }

  async execute(cmd: SendResetLink): Promise<void> {
    const actor = await this.authorization.require(cmd.actorId, 'accounts.send-reset-link');
    const account = await this.accounts.get(AccountId.from(cmd.accountId));
    const token = this.tokens.generate();
    const now = this.clock.now();
    const firstPassword = !account.hasPassword;
    if (firstPassword) account.issueSetPasswordLink(hashToken(token), now, actor);
    else account.requestPasswordReset(hashToken(token), now, actor);
    await this.accounts.save(account);
    await this.audit.record(
      staffAction('password-reset-link-sent', now, account.id.value, actor.value, cmd.client, { firstPassword }),
    );
    const common = {
      to: account.email.value,
      lang: cmd.lang,
      token,
      username: account.username?.value ?? null,
      audience: account.isStaff() ? ('back-office' as const) : ('portal' as const),
    };
    await this.mail.send(
      firstPassword
        ? { template: 'set-password', ...common, firstName: account.name?.firstName ?? null }
        : { template: 'password-reset', ...common },
    );
  }
}
