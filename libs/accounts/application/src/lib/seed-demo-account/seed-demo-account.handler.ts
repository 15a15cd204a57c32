import { hashToken } from '../shared/hash-token';
import { UNKNOWN_CLIENT } from '@guichet/accounts/contracts';
import { Account, AccountId, AccountNotFound, AccountRepository, LearnerUserCodes, Password, PasswordHasher, Username } from '@guichet/accounts/domain';
import { UnitOfWork } from '@guichet/shared/application';
import { Clock, Email, PersonName } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '../ports/audit-log';
import { TokenGenerator } from '../ports/token-generator';
import { SeedDemoAccount, type DemoAccountProfile, type SeedDemoAccountResult } from './seed-demo-account.command';

/**
 * Creates or completes one demo account in a single unit of work. The links a real person would click
 * (set-password, e-mail confirmation) are issued and used here at once, through the aggregate's own
 * methods, so the account ends up exactly as if the holder had followed them, and nobody is mailed.
 */
@CommandHandler(SeedDemoAccount)
export class SeedDemoAccountHandler implements ICommandHandler<SeedDemoAccount> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenGenerator,
    private readonly learnerCodes: LearnerUserCodes,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: SeedDemoAccount): Promise<SeedDemoAccountResult> {
    const email = Email.parse(cmd.email, { field: 'email' });
    const username = cmd.profile.kind === 'staff' ? cmd.profile.username : null;
    const password = Password.create(cmd.password, { email: email.value, username });
    return this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const existing = await this.accounts.findByEmail(email);
      const account = existing ?? (await this.create(email, password, cmd.profile, now));
      const completed = await this.complete(account, password, now);
      if (existing !== null && !completed) return { accountId: account.id.value, outcome: 'unchanged' };
      await this.accounts.save(account);
      await this.audit.record({
        action: existing === null ? 'account-registered' : 'email-confirmed',
        occurredAt: now,
        accountId: account.id.value,
        actorId: null,
        identifier: null,
        client: UNKNOWN_CLIENT,
        details: { source: 'demo-data', roles: account.roles.join(',') },
      });
      return { accountId: account.id.value, outcome: existing === null ? 'created' : 'completed' };
    });
  }

  private async create(email: Email, password: Password, profile: DemoAccountProfile, now: Date): Promise<Account> {
    const id = AccountId.generate();
    // The links issued at creation are replaced and used in `complete`; no raw token leaves this method.
    const unusedLink = hashToken(this.tokens.generate());
    switch (profile.kind) {
      case 'staff':
        return Account.createStaff({
          id,
          email,
          name: PersonName.of(profile.firstName, profile.lastName),
          username: profile.username === null ? null : Username.parse(profile.username),
          roles: profile.roles,
          setPasswordToken: unusedLink,
          // Nobody creates demo accounts: the first one has no one to point at, so each names itself.
          by: id,
          now,
        });
      case 'member':
        return Account.register({
          id,
          email,
          role: profile.role,
          passwordHash: await this.hasher.hash(password),
          learnerUserCode: profile.role === 'learner' ? await this.learnerCodes.next() : null,
          confirmationToken: unusedLink,
          now,
        });
      case 'existing':
        throw new AccountNotFound(email.value);
    }
  }

  /** Sets the first password and proves the address when still needed; returns whether anything changed. */
  private async complete(account: Account, password: Password, now: Date): Promise<boolean> {
    if (account.status === 'deactivated') return false;
    let changed = false;
    if (!account.hasPassword) {
      const token = hashToken(this.tokens.generate());
      account.issueSetPasswordLink(token, now, null);
      await account.resetPassword(token, password, this.hasher, now);
      changed = true;
    }
    if (account.status === 'pending-confirmation') {
      const token = hashToken(this.tokens.generate());
      account.reissueEmailConfirmation(token, now);
      account.confirmEmail(token, now);
      changed = true;
    }
    return changed;
  }
}
