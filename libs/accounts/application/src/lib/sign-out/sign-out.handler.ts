import { hashToken } from '../shared/hash-token';
import { SignOut } from '@guichet/accounts/contracts';
import { SessionRepository } from '@guichet/accounts/domain';
import { Clock } from '@guichet/shared/kernel';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '../ports/audit-log';

@CommandHandler(SignOut)
export class SignOutHandler implements ICommandHandler<SignOut> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: SignOut): Promise<void> {
    if (!cmd.sessionToken) return;
    const session = await this.sessions.findByTokenHash(hashToken(cmd.sessionToken));
    const now = this.clock.now();
    if (session === null || !session.revoke('signed-out', now)) return;
    await this.sessions.save(session);
    await this.audit.record({
      action: 'signed-out',
      occurredAt: now,
      accountId: session.accountId.value,
      actorId: null,
      identifier: null,
      client: cmd.client,
      details: {},
    });
  }
}
