import { CardRequestReadModel, type CardVerificationRecord } from '@guichet/card-requests/application';
import type {
  CardRequestHistoryEntry,
  CardRequestPage,
  CardRequestSearchFilters,
  CardRequestStatus,
  CardRequestSummary,
  DuplicateHit,
  ParticipantSearchCriteria,
  ParticipantSearchHit,
  ParticipantTitle,
  StaffCardRequestSummary,
} from '@guichet/card-requests/contracts';
import { displayPhone, normalizeName } from '@guichet/card-requests/domain';
import type { Lang } from '@guichet/shared/kernel';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';

interface SummaryRow {
  id: string;
  number: string;
  status: CardRequestStatus;
  session_end_date: string;
  organization_name: string;
  activity_name: string;
  participant_count: number;
  total_cents: number | null;
  trainer_account_id: string;
  trainer_name: string;
  trainer_card_number: string;
  updated_at: Date;
}

const SUMMARY_SELECT = (lang: Lang) => `
  SELECT r.id, r.number, r.status, to_char(r.session_end_date, 'YYYY-MM-DD') AS session_end_date, r.organization_name,
    COALESCE(a.${lang === 'en' ? 'label_en' : 'label_fr'}, r.activity_code) AS activity_name,
    (SELECT count(*)::int FROM card_requests.participants p WHERE p.request_id = r.id) AS participant_count,
    r.total_cents, r.trainer_account_id, r.trainer_first_name || ' ' || r.trainer_last_name AS trainer_name, r.trainer_card_number, r.updated_at
  FROM card_requests.requests r LEFT JOIN card_requests.activities a ON a.code = r.activity_code`;

function summary(row: SummaryRow, role: CardRequestSummary['role']): CardRequestSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    sessionEndDate: row.session_end_date,
    organizationName: row.organization_name,
    activityName: row.activity_name,
    participantCount: row.participant_count,
    totalCents: row.total_cents,
    role,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class SqlCardRequestReadModel extends CardRequestReadModel {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async listForAccount(accountId: string, lang: Lang): Promise<readonly CardRequestSummary[]> {
    const rows: SummaryRow[] = await this.unitOfWork.manager.query(
      `${SUMMARY_SELECT(lang)} WHERE r.trainer_account_id = $1 OR r.second_trainer_account_id = $1 ORDER BY r.created_at DESC, r.number DESC`,
      [accountId],
    );
    return rows.map((row) => summary(row, row.trainer_account_id === accountId ? 'trainer' : 'second-trainer'));
  }

  async search(filters: CardRequestSearchFilters & { page: number; pageSize: number }, lang: Lang): Promise<CardRequestPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filters.status) add((p) => `r.status = ${p}`, filters.status);
    if (filters.from && /^\d{4}-\d{2}-\d{2}$/.test(filters.from)) add((p) => `r.session_end_date >= ${p}::date`, filters.from);
    if (filters.to && /^\d{4}-\d{2}-\d{2}$/.test(filters.to)) add((p) => `r.session_end_date <= ${p}::date`, filters.to);
    if (filters.trainer?.trim()) {
      add(
        (p) => `(r.trainer_first_name || ' ' || r.trainer_last_name ILIKE ${p} OR r.trainer_last_name || ' ' || r.trainer_first_name ILIKE ${p} OR r.trainer_card_number ILIKE ${p})`,
        likePattern(filters.trainer.trim()),
      );
    }
    if (filters.organization?.trim()) add((p) => `r.organization_name ILIKE ${p}`, likePattern(filters.organization.trim()));
    if (filters.activity?.trim()) add((p) => `r.activity_code = ${p}`, filters.activity.trim());
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.unitOfWork.manager.query(`SELECT count(*)::int AS total FROM card_requests.requests r ${clause}`, params);
    const rows: SummaryRow[] = await this.unitOfWork.manager.query(
      `${SUMMARY_SELECT(lang)} ${clause} ORDER BY COALESCE(r.submitted_at, r.created_at) DESC, r.number DESC LIMIT ${filters.pageSize} OFFSET ${(filters.page - 1) * filters.pageSize}`,
      params,
    );
    const items: StaffCardRequestSummary[] = rows.map((row) => ({ ...summary(row, 'staff'), trainerName: row.trainer_name, trainerCardNumber: row.trainer_card_number }));
    return { items, total };
  }

  async history(requestId: string): Promise<readonly CardRequestHistoryEntry[]> {
    const rows: { at: Date; action: string; actor: string; details: string | null }[] = await this.unitOfWork.manager.query(
      `SELECT at, action, actor, details FROM card_requests.history WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
    return rows.map((r) => ({ at: new Date(r.at).toISOString(), action: r.action, actor: r.actor, details: r.details }));
  }

  async duplicates(trainerAccountId: string, excludeRequestId: string, nameKeys: readonly string[]): Promise<ReadonlyMap<string, readonly DuplicateHit[]>> {
    const map = new Map<string, DuplicateHit[]>();
    if (nameKeys.length === 0) return map;
    const rows: { name_key: string; request_id: string; number: string; session_end_date: string }[] = await this.unitOfWork.manager.query(
      `SELECT DISTINCT p.name_key, r.id AS request_id, r.number, to_char(r.session_end_date, 'YYYY-MM-DD') AS session_end_date
       FROM card_requests.participants p JOIN card_requests.requests r ON r.id = p.request_id
       WHERE r.trainer_account_id = $1 AND r.id <> $2 AND r.status <> 'canceled' AND p.name_key = ANY ($3::text[])
       ORDER BY r.number`,
      [trainerAccountId, excludeRequestId, [...new Set(nameKeys)]],
    );
    for (const row of rows) {
      const list = map.get(row.name_key) ?? [];
      list.push({ requestId: row.request_id, number: row.number, sessionEndDate: row.session_end_date });
      map.set(row.name_key, list);
    }
    return map;
  }

  async searchParticipants(criteria: ParticipantSearchCriteria, lang: Lang): Promise<readonly ParticipantSearchHit[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (criteria.lastName?.trim()) {
      params.push(`${normalizeName(criteria.lastName).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`p.last_name_search LIKE $${params.length}`);
    }
    if (criteria.firstName?.trim()) {
      params.push(`${normalizeName(criteria.firstName).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`p.first_name_search LIKE $${params.length}`);
    }
    if (criteria.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(criteria.birthDate)) {
      params.push(criteria.birthDate);
      where.push(`p.birth_date = $${params.length}::date`);
    }
    if (where.length === 0) return [];
    const rows: {
      request_id: string;
      number: string;
      status: CardRequestStatus;
      session_end_date: string;
      activity_name: string;
      id: string;
      title: ParticipantTitle;
      first_name: string;
      last_name: string;
      birth_date: string;
      phone: string;
      extension: string | null;
      card_number: string | null;
      verification_code: string | null;
      expires_on: string | null;
    }[] = await this.unitOfWork.manager.query(
      `SELECT r.id AS request_id, r.number, r.status, to_char(r.session_end_date, 'YYYY-MM-DD') AS session_end_date,
         COALESCE(a.${lang === 'en' ? 'label_en' : 'label_fr'}, r.activity_code) AS activity_name,
         p.id, p.title, p.first_name, p.last_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.phone, p.extension,
         c.card_number, c.verification_code, to_char(c.expires_on, 'YYYY-MM-DD') AS expires_on
       FROM card_requests.participants p
       JOIN card_requests.requests r ON r.id = p.request_id
       LEFT JOIN card_requests.activities a ON a.code = r.activity_code
       LEFT JOIN card_requests.cards c ON c.participant_id = p.id AND c.revoked_at IS NULL
       WHERE ${where.join(' AND ')}
       ORDER BY p.last_name_search, p.first_name_search, r.session_end_date DESC
       LIMIT 200`,
      params,
    );
    return rows.map((row) => ({
      requestId: row.request_id,
      number: row.number,
      participant: {
        id: row.id,
        title: row.title,
        firstName: row.first_name,
        lastName: row.last_name,
        birthDate: row.birth_date,
        phone: displayPhone(row.phone),
        extension: row.extension,
        duplicateOf: [],
        card: row.card_number === null ? null : { cardNumber: row.card_number, verificationCode: row.verification_code ?? '', expiresOn: row.expires_on },
      },
      cardNumber: row.card_number,
      verificationCode: row.verification_code,
      activityName: row.activity_name,
      sessionEndDate: row.session_end_date,
      status: row.status,
    }));
  }

  async verification(code: string, lang: Lang): Promise<CardVerificationRecord | null> {
    const [row]: {
      first_name: string;
      last_name: string;
      activity_name: string;
      session_end_date: string;
      expires_on: string | null;
      revoked: boolean;
      status: CardRequestStatus;
    }[] = await this.unitOfWork.manager.query(
      `SELECT p.first_name, p.last_name, COALESCE(a.${lang === 'en' ? 'label_en' : 'label_fr'}, r.activity_code) AS activity_name,
         to_char(r.session_end_date, 'YYYY-MM-DD') AS session_end_date, to_char(c.expires_on, 'YYYY-MM-DD') AS expires_on,
         c.revoked_at IS NOT NULL AS revoked, r.status
       FROM card_requests.cards c
       JOIN card_requests.participants p ON p.id = c.participant_id
       JOIN card_requests.requests r ON r.id = c.request_id
       LEFT JOIN card_requests.activities a ON a.code = r.activity_code
       WHERE c.verification_code = $1`,
      [code],
    );
    if (row === undefined) return null;
    return {
      firstName: row.first_name,
      lastName: row.last_name,
      activityName: row.activity_name,
      sessionEndDate: row.session_end_date,
      expiresOn: row.expires_on,
      revoked: row.revoked,
      requestStatus: row.status,
    };
  }
}
