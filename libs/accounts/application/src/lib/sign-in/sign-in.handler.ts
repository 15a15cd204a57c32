import { hashToken } from '../shared/hash-token';
import { SignIn, type SignInResult } from '@guichet/accounts/contracts';
import {
  AccountIsDeactivated,
  AccountRepository,
  EmailNotConfirmed,
  InvalidCredentials,
  NotStaff,
  PasswordHasher,
  Session,
  SessionId,
  SessionRepository,
  Username,
  type Account,
  type SignInOutcome,
} from '@guichet/accounts/domain';
import { Clock, Email, type DomainError } from '@guichet/shared/kernel';
import { isConcurrentUpdate } from '@guichet/shared/application';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditLog, auditIdentifier } from '../ports/audit-log';
import { TokenGenerator } from '../ports/token-generator';

const REFUSALS: Record<Exclude<SignInOutcome, 'signed-in'>, () => DomainError> = {
  'wrong-password': () => new InvalidCredentials(),
  locked: () => new InvalidCredentials(),
  'email-not-confirmed': () => new EmailNotConfirmed(),
  deactivated: () => new AccountIsDeactivated(),
  'not-staff': () => new NotStaff(),
};

/** Sign-ins of one account racing each other: each one after the first reads the account again. */
const MAX_ATTEMPTS = 3;

/**
 * Signs in by username or e-mail. An unknown identifier costs one hash computation too, and gets the
 * same `InvalidCredentials` as a wrong password or a locked account.
 */
@CommandHandler(SignIn)
export class SignInHandler implements ICommandHandler<SignIn> {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenGenerator,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: SignIn): Promise<SignInResult> {
    const now = this.clock.now();
    const attempt = await this.attempt(cmd, now);
    if (attempt === null) {
      await this.recordFailure(cmd, null, 'unknown-identifier', now);
      throw new InvalidCredentials();
    }
    const { account, outcome } = attempt;
    if (outcome !== 'signed-in') {
      await this.recordFailure(cmd, account.id.value, outcome, now);
      throw REFUSALS[outcome]();
    }

    if (cmd.previousSessionToken) {
      const previous = await this.sessions.findByTokenHash(hashToken(cmd.previousSessionToken));
      if (previous !== null && previous.revoke('rotated', now)) await this.sessions.save(previous);
    }
    const sessionToken = this.tokens.generate();
    const session = Session.open({
      id: SessionId.generate(),
      tokenHash: hashToken(sessionToken),
      accountId: account.id,
      channel: cmd.channel,
      rememberMe: cmd.rememberMe,
      now,
    });
    await this.sessions.save(session);
    await this.audit.record({
      action: 'sign-in-succeeded',
      occurredAt: now,
      accountId: account.id.value,
      actorId: null,
      identifier: auditIdentifier(cmd.identifier),
      client: cmd.client,
      details: { channel: cmd.channel, remembered: session.rememberMe },
    });
    return {
      sessionToken,
      sessionId: session.id.value,
      accountId: account.id.value,
      absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
      remembered: session.rememberMe,
    };
  }

  /**
   * Checks the password and records the attempt on the account. Two sign-ins of one account at the same
   * moment (a double click, two devices) both save it: the one that comes second reads it again and
   * tries once more, instead of failing with a conflict. Null: nobody has this identifier. Not
   * `inTransactionWithRetry`: the password check (argon2, tens of milliseconds) would then hold a
   * transaction and a pooled connection open for every sign-in.
   */
  private async attempt(cmd: SignIn, now: Date): Promise<{ account: Account; outcome: SignInOutcome } | null> {
    for (let attempt = 1; ; attempt++) {
      const account = await this.find(cmd.identifier);
      if (account === null) {
        await this.hasher.hashForTiming(cmd.password);
        return null;
      }
      const outcome = await account.signIn(cmd.password, this.hasher, cmd.channel, now);
      try {
        await this.accounts.save(account);
        return { account, outcome };
      } catch (error) {
        if (!isConcurrentUpdate(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Anything with `@` is an address; anything that is neither a valid address nor a valid username finds nobody. */
  private async find(identifier: string): Promise<Account | null> {
    const typed = identifier.trim();
    if (typed.includes('@')) return Email.isValid(typed) ? this.accounts.findByEmail(Email.parse(typed)) : null;
    const username = Username.tryParse(typed);
    return username === null ? null : this.accounts.findByUsername(username);
  }

  private recordFailure(cmd: SignIn, accountId: string | null, reason: string, now: Date): Promise<void> {
    return this.audit.record({
      action: 'sign-in-failed',
      occurredAt: now,
      accountId,
      actorId: null,
      identifier: auditIdentifier(cmd.identifier),
      client: cmd.client,
      details: { reason, channel: cmd.channel },
    });
  }
}
