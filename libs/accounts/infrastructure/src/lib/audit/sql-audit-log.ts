import { AuditLog, type AuditRecord } from '@guichet/accounts/application';
import type { AuditAction, AuditEntryView, AuditLogCriteria, Page } from '@guichet/accounts/contracts';
import { isUuid, uuidv7 } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';

const MAX_USER_AGENT = 512;
/** Long enough for any IPv6 text form; anything longer is not an address. */
const MAX_IP = 64;

interface AuditRow {
  readonly id: string;
  readonly occurred_at: Date;
  readonly action: string;
  readonly account_id: string | null;
  readonly actor_id: string | null;
  readonly identifier: string | null;
  readonly ip: string | null;
  readonly user_agent: string | null;
  readonly details: Record<string, string | number | boolean | null>;
  readonly total: string;
}

/**
 * `accounts.audit_log`, append-only. Entries carry what the handlers give (ids, the typed identifier,
 * plain facts); the port's contract keeps passwords and tokens out, and the integration spec checks it.
 */
@Injectable()
export class SqlAuditLog extends AuditLog {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async record(entry: AuditRecord): Promise<void> {
    // The current transaction when there is one (the entry commits with its change), the pool otherwise.
    await this.unitOfWork.manager.query(
      `INSERT INTO accounts.audit_log (id, occurred_at, action, account_id, actor_id, identifier, ip, user_agent, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        uuidv7(),
        entry.occurredAt,
        entry.action,
        entry.accountId,
        entry.actorId,
        entry.identifier,
        entry.client.ip?.slice(0, MAX_IP) ?? null,
        entry.client.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
        JSON.stringify(entry.details),
      ],
    );
  }

  async search(criteria: AuditLogCriteria): Promise<Page<AuditEntryView>> {
    if (criteria.accountId !== undefined && !isUuid(criteria.accountId)) {
      return { items: [], total: 0, page: criteria.page, pageSize: criteria.pageSize };
    }
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (criteria.accountId !== undefined) add((n) => `(account_id = ${n}::uuid OR actor_id = ${n}::uuid)`, criteria.accountId);
    if (criteria.action !== undefined) add((n) => `action = ${n}`, criteria.action);
    if (criteria.from !== undefined) add((n) => `occurred_at >= ${n}::timestamptz`, criteria.from);
    if (criteria.to !== undefined) add((n) => `occurred_at < ${n}::timestamptz`, criteria.to);
    params.push(criteria.pageSize, (criteria.page - 1) * criteria.pageSize);
    const rows: AuditRow[] = await this.unitOfWork.manager.query(
      `SELECT id, occurred_at, action, account_id, actor_id, identifier, ip, user_agent, details, count(*) OVER () AS total
         FROM accounts.audit_log
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY occurred_at DESC, id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        action: row.action as AuditAction,
        accountId: row.account_id,
        actorId: row.actor_id,
        identifier: row.identifier,
        ip: row.ip,
        userAgent: row.user_agent,
        details: row.details,
      })),
      total: rows.length > 0 ? Number(rows[0].total) : await this.count(where, params.slice(0, -2)),
      page: criteria.page,
      pageSize: criteria.pageSize,
    };
  }

  /** Only for a page past the end, where the window count has no row to ride on. */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [row]: { total: string }[] = await this.unitOfWork.manager.query(
      `SELECT count(*) AS total FROM accounts.audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return Number(row.total);
  }
}
