import { hashToken } from '../shared/hash-token';
import { AuthenticateSession, type AuthenticatedPrincipal } from '@guichet/accounts/contracts';
import { AccountRepository, SessionRepository } from '@guichet/accounts/domain';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

@CommandHandler(AuthenticateSession)
export class AuthenticateSessionHandler implements ICommandHandler<AuthenticateSession> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: AuthenticateSession): Promise<AuthenticatedPrincipal | null> {
    if (!cmd.sessionToken) return null;
    const now = this.clock.now();
    const session = await this.sessions.findByTokenHash(hashToken(cmd.sessionToken));
    if (session === null || !session.isActiveAt(now) || session.channel !== cmd.channel) return null;
    const account = await this.accounts.findById(session.accountId);
    if (account === null || account.status !== 'active') return null;
    if (cmd.channel === 'back-office' && !account.isStaff()) return null;
    if (session.touch(now)) await this.sessions.save(session);
    return {
      accountId: account.id.value,
      sessionId: session.id.value,
      username: account.username?.value ?? null,
      email: account.email.value,
      firstName: account.name?.firstName ?? null,
      lastName: account.name?.lastName ?? null,
      roles: account.roles,
      channel: session.channel,
    };
  }
}
