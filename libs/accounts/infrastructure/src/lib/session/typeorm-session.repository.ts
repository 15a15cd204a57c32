import { Session, SessionRepository, type AccountId, type SessionEndReason, type SessionId, type TokenHash } from '@guichet/accounts/domain';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import { SESSION_COLUMNS, sessionValues, toSessionSnapshot, type SessionRow } from './session.mapper';

/**
 * Sessions in `accounts.sessions`. An update only moves forward: `last_seen_at` never goes back and a
 * revocation is never undone, so a request touching a session while another revokes it cannot bring
 * it back to life (hence no version check: the merge is safe in any order).
 */
@Injectable()
export class TypeOrmSessionRepository extends SessionRepository {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async findByTokenHash(hash: TokenHash): Promise<Session | null> {
    const [row]: SessionRow[] = await this.unitOfWork.manager.query(
      `SELECT ${SESSION_COLUMNS.join(', ')} FROM accounts.sessions WHERE token_hash = $1`,
      [hash.value],
    );
    return row === undefined ? null : Session.restore(toSessionSnapshot(row));
  }

  async save(session: Session): Promise<void> {
    const next = session.version + 1;
    await this.unitOfWork.manager.query(
      `INSERT INTO accounts.sessions AS s (${SESSION_COLUMNS.join(', ')})
       VALUES (${SESSION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET
         version = s.version + 1,
         last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at),
         revoked_at = COALESCE(s.revoked_at, EXCLUDED.revoked_at),
         revoked_reason = COALESCE(s.revoked_reason, EXCLUDED.revoked_reason)`,
      sessionValues(session.toSnapshot(), next),
    );
    session.markPersisted(next);
  }

  async revokeAllOf(accountId: AccountId, reason: SessionEndReason, now: Date, except?: SessionId): Promise<number> {
    const result: unknown = await this.unitOfWork.manager.query(
      `UPDATE accounts.sessions SET revoked_at = $2, revoked_reason = $3, version = version + 1
        WHERE account_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid)`,
      [accountId.value, now, reason, except?.value ?? null],
    );
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
