import { hashToken } from '../shared/hash-token';
import { RegisterAccount } from '@guichet/accounts/contracts';
import { Account, AccountId, AccountRepository, LearnerUserCodes, PasswordHasher } from '@guichet/accounts/domain';
import { Clock, Email } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail } from '../ports/account-mail';
import { AuditLog } from '../ports/audit-log';
import { TokenGenerator } from '../ports/token-generator';
import { newPassword } from '../shared/passwords';

@CommandHandler(RegisterAccount)
export class RegisterAccountHandler implements ICommandHandler<RegisterAccount> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenGenerator,
    private readonly learnerCodes: LearnerUserCodes,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: RegisterAccount): Promise<void> {
    const email = Email.parse(cmd.email, { field: 'email' });
    const password = newPassword(cmd.password, cmd.passwordConfirmation, { email: email.value });
    // Hash before looking up, so a known address takes as long as a new one.
    const passwordHash = await this.hasher.hash(password);
    const token = this.tokens.generate();
    const now = this.clock.now();

    const existing = await this.accounts.findByEmail(email);
    if (existing !== null) {
      await this.mail.send({ template: 'account-already-exists', to: email.value, lang: cmd.lang });
      return;
    }
    const account = Account.register({
      id: AccountId.generate(),
      email,
      role: cmd.role,
      passwordHash,
      learnerUserCode: cmd.role === 'learner' ? await this.learnerCodes.next() : null,
      confirmationToken: hashToken(token),
      now,
    });
    await this.accounts.save(account);
    await this.audit.record({
      action: 'account-registered',
      occurredAt: now,
      accountId: account.id.value,
      actorId: null,
      identifier: null,
      client: cmd.client,
      details: { role: cmd.role },
    });
    await this.mail.send({ template: 'email-confirmation', to: email.value, lang: cmd.lang, token });
  }
}
