import { AccountReadModel } from '@guichet/accounts/application';
import type {
  AccountListItem,
  AccountSearchCriteria,
  AccountStatus,
  AccountSummary,
  Page,
  Profile,
  Role,
  TrainerSummary,
} from '@guichet/accounts/contracts';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import { foldForSearch } from '../account/account.mapper';

interface SummaryRow {
  readonly id: string;
  readonly username: string | null;
  readonly email: string;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly roles: Role[];
  readonly status: AccountStatus;
}

interface ListRow extends SummaryRow {
  readonly trainer_card_number: string | null;
  readonly learner_user_code: string | null;
  readonly created_at: Date;
  readonly last_signed_in_at: Date | null;
  readonly total: string;
}

interface ProfileRow extends SummaryRow {
  readonly trainer_card_number: string | null;
  readonly certification_expires_on: string | null;
  readonly learner_user_code: string | null;
  readonly pending_email: string | null;
}

interface TrainerRow extends SummaryRow {
  readonly trainer_card_number: string;
  readonly certification_expires_on: string;
}

const SUMMARY_COLUMNS = `a.id, a.username, a.email, a.first_name, a.last_name, a.roles, a.status`;

/** The queries' side: SQL on `accounts.accounts` (and the outstanding e-mail-change token) straight into read models. */
@Injectable()
export class SqlAccountReadModel extends AccountReadModel {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async summary(accountId: string): Promise<AccountSummary | null> {
    const [row]: SummaryRow[] = await this.unitOfWork.manager.query(`SELECT ${SUMMARY_COLUMNS} FROM accounts.accounts a WHERE a.id = $1`, [
      accountId,
    ]);
    return row === undefined ? null : toSummary(row);
  }

  async trainerByCardNumber(cardNumber: string): Promise<TrainerSummary | null> {
    const [row]: TrainerRow[] = await this.unitOfWork.manager.query(
      `SELECT ${SUMMARY_COLUMNS}, a.trainer_card_number, a.certification_expires_on::text AS certification_expires_on
         FROM accounts.accounts a
        WHERE a.trainer_card_number = $1 AND a.username IS NOT NULL AND a.first_name IS NOT NULL AND a.last_name IS NOT NULL
          AND a.certification_expires_on IS NOT NULL`,
      [cardNumber],
    );
    if (row === undefined || row.username === null || row.first_name === null || row.last_name === null) return null;
    return {
      accountId: row.id,
      username: row.username,
      cardNumber: row.trainer_card_number,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      certificationExpiresOn: row.certification_expires_on,
      active: row.status === 'active',
    };
  }

  async profile(accountId: string): Promise<Profile | null> {
    const [row]: ProfileRow[] = await this.unitOfWork.manager.query(
      `SELECT ${SUMMARY_COLUMNS}, a.trainer_card_number, a.certification_expires_on::text AS certification_expires_on,
              a.learner_user_code, t.new_email AS pending_email
         FROM accounts.accounts a
         LEFT JOIN accounts.action_tokens t
           ON t.account_id = a.id AND t.purpose = 'email-change' AND t.used_at IS NULL AND t.expires_at > now()
        WHERE a.id = $1`,
      [accountId],
    );
    if (row === undefined) return null;
    return {
      accountId: row.id,
      username: row.username,
      email: row.email,
      pendingEmail: row.pending_email,
      firstName: row.first_name,
      lastName: row.last_name,
      roles: row.roles,
      trainerCardNumber: row.trainer_card_number,
      certificationExpiresOn: row.certification_expires_on,
      learnerUserCode: row.learner_user_code,
      canEditName: row.trainer_card_number === null,
    };
  }

  async search(criteria: AccountSearchCriteria): Promise<Page<AccountListItem>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    // Every typed word must start a word of the account (name, username, e-mail, card, learner code).
    for (const word of foldForSearch(criteria.text ?? '').split(/[\s'’]+/u).filter((w) => w !== '')) {
      add((n) => `a.search_text LIKE '% ' || ${n} || '%'`, escapeLike(word));
    }
    if (criteria.role !== undefined) add((n) => `${n} = ANY (a.roles)`, criteria.role);
    if (criteria.status !== undefined) add((n) => `a.status = ${n}`, criteria.status);
    params.push(criteria.pageSize, (criteria.page - 1) * criteria.pageSize);
    const rows: ListRow[] = await this.unitOfWork.manager.query(
      `SELECT ${SUMMARY_COLUMNS}, a.trainer_card_number, a.learner_user_code, a.created_at, a.last_signed_in_at,
              count(*) OVER () AS total
         FROM accounts.accounts a
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(a.last_name) NULLS LAST, lower(a.first_name) NULLS LAST, lower(a.email), a.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && criteria.page > 1) {
      const [counted]: { total: string }[] = await this.unitOfWork.manager.query(
        `SELECT count(*) AS total FROM accounts.accounts a ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
        params.slice(0, -2),
      );
      total = Number(counted.total);
    }
    return {
      items: rows.map((row) => ({
        ...toSummary(row),
        trainerCardNumber: row.trainer_card_number,
        learnerUserCode: row.learner_user_code,
        createdAt: row.created_at.toISOString(),
        lastSignedInAt: row.last_signed_in_at?.toISOString() ?? null,
      })),
      total,
      page: criteria.page,
      pageSize: criteria.pageSize,
    };
  }
}

function toSummary(row: SummaryRow): AccountSummary {
  return {
    accountId: row.id,
    username: row.username,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    roles: row.roles,
    status: row.status,
  };
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
