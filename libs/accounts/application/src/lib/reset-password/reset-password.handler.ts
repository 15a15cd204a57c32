import { hashToken } from '../shared/hash-token';
import { ResetPassword } from '@guichet/accounts/contracts';
import { AccountRepository, InvalidLink, PasswordHasher, SessionRepository } from '@guichet/accounts/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail } from '../ports/account-mail';
import { AuditLog } from '../ports/audit-log';
import { newPassword } from '../shared/passwords';

/** The link from « J'ai oublié mon mot de passe » or from a set-password mail; ends every session. */
@CommandHandler(ResetPassword)
export class ResetPasswordHandler implements ICommandHandler<ResetPassword> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ResetPassword): Promise<void> {
    const hash = hashToken(cmd.token);
    const account = await this.accounts.findByActionToken(hash);
    if (account === null) throw new InvalidLink();
    const password = newPassword(cmd.newPassword, cmd.passwordConfirmation, {
      username: account.username?.value,
      email: account.email.value,
    });
    const now = this.clock.now();
    const how = await account.resetPassword(hash, password, this.hasher, now);
    await this.unitOfWork.run(async () => {
      await this.accounts.save(account);
      await this.sessions.revokeAllOf(account.id, 'password-reset', now);
      await this.audit.record({
        action: 'password-reset',
        occurredAt: now,
        accountId: account.id.value,
        actorId: null,
        identifier: null,
        client: cmd.client,
        details: { how },
      });
    });
    if (how === 'reset') await this.mail.send({ template: 'password-changed', to: account.email.value, lang: cmd.lang });
  }
}
