import { ChangePassword } from '@guichet/accounts/contracts';
import { AccountId, AccountRepository, PasswordHasher, SessionId, SessionRepository } from '@guichet/accounts/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail } from '../ports/account-mail';
import { AuditLog } from '../ports/audit-log';
import { newPassword } from '../shared/passwords';

/** « Sauvegarder le nouveau mot de passe »: every other session ends; this one stays. */
@CommandHandler(ChangePassword)
export class ChangePasswordHandler implements ICommandHandler<ChangePassword> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: ChangePassword): Promise<void> {
    const account = await this.accounts.get(AccountId.from(cmd.accountId));
    const password = newPassword(cmd.newPassword, cmd.passwordConfirmation, {
      username: account.username?.value,
      email: account.email.value,
    });
    const now = this.clock.now();
    await account.changePassword(cmd.currentPassword, password, this.hasher, now);
    await this.unitOfWork.run(async () => {
      await this.accounts.save(account);
      await this.sessions.revokeAllOf(account.id, 'password-changed', now, SessionId.from(cmd.currentSessionId));
      await this.audit.record({
        action: 'password-changed',
        occurredAt: now,
        accountId: account.id.value,
        actorId: null,
        identifier: null,
        client: cmd.client,
        details: {},
      });
    });
    await this.mail.send({ template: 'password-changed', to: account.email.value, lang: cmd.lang });
  }
}
