import { hashToken } from '../shared/hash-token';
import { RequestPasswordReset } from '@guichet/accounts/contracts';
import { AccountRepository, TrainerCardNumber, type Account } from '@guichet/accounts/domain';
import { Clock, Email } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail } from '../ports/account-mail';
import { AuditLog, auditIdentifier } from '../ports/audit-log';
import { TokenGenerator } from '../ports/token-generator';

/**
 * Same outcome whatever is typed: no error, no result. A link goes only to an existing account that
 * is not deactivated; the token is generated either way so the work differs as little as possible.
 */
@CommandHandler(RequestPasswordReset)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordReset> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: TokenGenerator,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: RequestPasswordReset): Promise<void> {
    const now = this.clock.now();
    const token = this.tokens.generate();
    const account = await this.find(cmd);
    const eligible = account !== null && account.canReceivePasswordLink;
    if (eligible) {
      account.requestPasswordReset(hashToken(token), now);
      await this.accounts.save(account);
    }
    await this.audit.record({
      action: 'password-reset-requested',
      occurredAt: now,
      accountId: account?.id.value ?? null,
      actorId: null,
      identifier: auditIdentifier(cmd.value),
      client: cmd.client,
      details: { by: cmd.by, sent: eligible },
    });
    if (eligible) {
      await this.mail.send({
        template: 'password-reset',
        to: account.email.value,
        lang: cmd.lang,
        token,
        username: account.username?.value ?? null,
        audience: account.isStaff() ? 'back-office' : 'portal',
      });
    }
  }

  private async find(cmd: RequestPasswordReset): Promise<Account | null> {
    if (cmd.by === 'email') {
      return Email.isValid(cmd.value) ? this.accounts.findByEmail(Email.parse(cmd.value)) : null;
    }
    const card = TrainerCardNumber.tryParse(cmd.value);
    return card === null ? null : this.accounts.findByTrainerCard(card);
  }
}
