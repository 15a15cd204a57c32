import { hashToken } from '../shared/hash-token';
import { CreateStaffAccount } from '@guichet/accounts/contracts';
import { Account, AccountId, AccountRepository, EmailAlreadyInUse, Username, UsernameAvailability, UsernameTaken } from '@guichet/accounts/domain';
import { Clock, Email, PersonName } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountMail } from '../ports/account-mail';
import { AuditLog } from '../ports/audit-log';
import { TokenGenerator } from '../ports/token-generator';
import { staffAction } from '../shared/audit-entry';
import { StaffAuthorization } from '../shared/staff-authorization';

@CommandHandler(CreateStaffAccount)
export class CreateStaffAccountHandler implements ICommandHandler<CreateStaffAccount> {
  private readonly authorization: StaffAuthorization;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly usernames: UsernameAvailability,
    private readonly tokens: TokenGenerator,
    private readonly mail: AccountMail,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.authorization = new StaffAuthorization(accounts);
  }

  async execute(cmd: CreateStaffAccount): Promise<{ accountId: string }> {
    const actor = await this.authorization.require(cmd.actorId, 'accounts.manage-staff');
    const email = Email.parse(cmd.email, { field: 'email' });
    const name = PersonName.of(cmd.firstName, cmd.lastName);
    const username = cmd.username === null || cmd.username.trim() === '' ? null : Username.parse(cmd.username);
    if ((await this.accounts.findByEmail(email)) !== null) throw new EmailAlreadyInUse();
    if (username !== null && !(await this.usernames.isAvailable(username))) throw new UsernameTaken();

    const token = this.tokens.generate();
    const now = this.clock.now();
    const account = Account.createStaff({
      id: AccountId.generate(),
      email,
      name,
      username,
      roles: cmd.roles,
      setPasswordToken: hashToken(token),
      by: actor,
      now,
    });
    await this.accounts.save(account);
    await this.audit.record(
      staffAction('staff-account-created', now, account.id.value, actor.value, cmd.client, { roles: account.roles.join(',') }),
    );
    await this.mail.send({
      template: 'set-password',
      to: email.value,
      lang: cmd.lang,
      token,
      username: username?.value ?? null,
      firstName: name.firstName,
      audience: 'back-office',
    });
    return { accountId: account.id.value };
  }
}
