import {
  CardRequest,
  CardRequestNotFound,
  CardRequestRepository,
  normalizeName,
  type CardRequestSnapshot,
  type CardRequestStatus,
  type ParticipantTitle,
} from '@guichet/card-requests/domain';
import type { DomainEvent } from '@guichet/shared/kernel';
import { Outbox, OutboxAggregateRepository, type OutgoingEvent, type SaveVersions } from '@guichet/shared/messaging';
import { TypeOrmUnitOfWork, updateVersioned } from '@guichet/shared/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { cardRequestsIntegrationEvents } from './card-requests-integration-events';

interface RequestRow {
  id: string;
  version: number;
  number: string;
  status: CardRequestStatus;
  trainer_account_id: string;
  trainer_card_number: string;
  trainer_first_name: string;
  trainer_last_name: string;
  trainer_email: string;
  second_trainer_account_id: string | null;
  second_trainer_card_number: string | null;
  second_trainer_first_name: string | null;
  second_trainer_last_name: string | null;
  organization_type_code: string;
  organization_name: string;
  accredited_institution_id: string | null;
  training_location: string;
  activity_code: string;
  session_end_date: string;
  delivery_address: string;
  delivery_city: string;
  delivery_postal_code: string;
  delivery_attention: string;
  delivery_email: string;
  payment_method: 'card' | 'cheque' | 'deposit' | null;
  bill_to: 'individual' | 'organization' | null;
  unit_price_cents: number | null;
  total_cents: number | null;
  lang: 'fr' | 'en' | null;
  invoice_id: string | null;
  invoice_number: string | null;
  tracking_number: string | null;
  canceled_reason: string | null;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
}

interface ParticipantRow {
  id: string;
  position: number;
  title: ParticipantTitle;
  first_name: string;
  last_name: string;
  birth_date: string;
  phone: string;
  extension: string | null;
  name_key: string;
}

interface CardRow {
  card_number: string;
  participant_id: string;
  verification_code: string;
  expires_on: string | null;
  issued_at: Date;
  revoked_at: Date | null;
}

/** Requests in `card_requests.requests` (participants, cards alongside), events to the outbox. */
@Injectable()
export class TypeOrmCardRequestRepository extends OutboxAggregateRepository<CardRequest> implements CardRequestRepository {
  constructor(unitOfWork: TypeOrmUnitOfWork, outbox: Outbox) {
    super(unitOfWork, outbox);
  }

  async get(id: string): Promise<CardRequest> {
    const found = await this.findById(id);
    if (found === null) throw new CardRequestNotFound();
    return found;
  }

  async findById(id: string): Promise<CardRequest | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const manager = this.unitOfWork.manager;
    const [row]: RequestRow[] = await manager.query(
      `SELECT *, to_char(session_end_date, 'YYYY-MM-DD') AS session_end_date FROM card_requests.requests WHERE id = $1`,
      [id],
    );
    if (row === undefined) return null;
    const participants: ParticipantRow[] = await manager.query(
      `SELECT id, position, title, first_name, last_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, phone, extension, name_key
       FROM card_requests.participants WHERE request_id = $1 ORDER BY position`,
      [id],
    );
    const cards: CardRow[] = await manager.query(
      `SELECT card_number, participant_id, verification_code, to_char(expires_on, 'YYYY-MM-DD') AS expires_on, issued_at, revoked_at
       FROM card_requests.cards WHERE request_id = $1 ORDER BY issued_at, card_number`,
      [id],
    );
    return CardRequest.restore(toSnapshot(row, participants, cards));
  }

  save(request: CardRequest): Promise<void> {
    return this.saveWithEvents(request);
  }

  protected async persist(request: CardRequest, manager: EntityManager, { expected, next }: SaveVersions): Promise<void> {
    const s = request.toSnapshot();
    const values: Record<string, unknown> = {
      number: s.number,
      status: s.status,
      trainer_account_id: s.trainer.accountId,
      trainer_card_number: s.trainer.cardNumber,
      trainer_first_name: s.trainer.firstName,
      trainer_last_name: s.trainer.lastName,
      trainer_email: s.trainer.email,
      second_trainer_account_id: s.session.secondTrainer?.accountId ?? null,
      second_trainer_card_number: s.session.secondTrainer?.cardNumber ?? null,
      second_trainer_first_name: s.session.secondTrainer?.firstName ?? null,
      second_trainer_last_name: s.session.secondTrainer?.lastName ?? null,
      organization_type_code: s.session.organizationTypeCode,
      organization_name: s.session.organizationName,
      accredited_institution_id: s.session.accreditedInstitutionId,
      training_location: s.session.trainingLocation,
      activity_code: s.session.activityCode,
      session_end_date: s.session.sessionEndDate,
      delivery_address: s.session.delivery.address,
      delivery_city: s.session.delivery.city,
      delivery_postal_code: s.session.delivery.postalCode,
      delivery_attention: s.session.delivery.attention,
      delivery_email: s.session.delivery.email,
      payment_method: s.payment?.method ?? null,
      bill_to: s.payment?.billTo ?? null,
      unit_price_cents: s.payment?.unitPriceCents ?? null,
      total_cents: s.payment?.totalCents ?? null,
      lang: s.payment?.lang ?? null,
      invoice_id: s.invoice?.id ?? null,
      invoice_number: s.invoice?.number ?? null,
      tracking_number: s.trackingNumber,
      canceled_reason: s.canceledReason,
      updated_at: s.updatedAt,
      submitted_at: s.submittedAt,
    };
    if (expected !== 0) {
      await updateVersioned(manager, { table: 'card_requests.requests', id: s.id, expectedVersion: expected }, values);
    } else {
      const all = { id: s.id, version: next, ...values, created_at: s.createdAt };
      const columns = Object.keys(all);
      await manager.query(
        `INSERT INTO card_requests.requests (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => (all as Record<string, unknown>)[c]),
      );
    }
    // Participants: upsert the current ones, delete the removed ones (only possible in draft, before any card).
    const ids = s.participants.map((p) => p.id);
    await manager.query(`DELETE FROM card_requests.participants WHERE request_id = $1 AND NOT (id = ANY ($2::uuid[]))`, [s.id, ids]);
    if (s.participants.length > 0) {
      await manager.query(
        `INSERT INTO card_requests.participants (id, request_id, position, title, first_name, last_name, birth_date, phone, extension, name_key,
           first_name_search, last_name_search)
         SELECT u.id, $1, u.position, u.title, u.first_name, u.last_name, u.birth_date, u.phone, u.extension, u.name_key, u.fs, u.ls
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
           AS u(id, position, title, first_name, last_name, birth_date, phone, extension, name_key, fs, ls)
         ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, first_name = EXCLUDED.first_name,
           last_name = EXCLUDED.last_name, birth_date = EXCLUDED.birth_date, phone = EXCLUDED.phone, extension = EXCLUDED.extension,
           name_key = EXCLUDED.name_key, first_name_search = EXCLUDED.first_name_search, last_name_search = EXCLUDED.last_name_search`,
        [
          s.id,
          ids,
          s.participants.map((p) => p.position),
          s.participants.map((p) => p.title),
          s.participants.map((p) => p.firstName),
          s.participants.map((p) => p.lastName),
          s.participants.map((p) => p.birthDate),
          s.participants.map((p) => p.phone),
          s.participants.map((p) => p.extension),
          s.participants.map((p) => p.nameKey),
          s.participants.map((p) => normalizeName(p.firstName)),
          s.participants.map((p) => normalizeName(p.lastName)),
        ],
      );
    }
    if (s.cards.length > 0) {
      // Revocations first, so the one-current-card-per-participant index holds when the new card goes in.
      await manager.query(
        `UPDATE card_requests.cards c SET revoked_at = u.revoked_at
         FROM unnest($1::text[], $2::timestamptz[]) AS u(card_number, revoked_at)
         WHERE c.card_number = u.card_number AND c.revoked_at IS NULL AND u.revoked_at IS NOT NULL`,
        [s.cards.map((c) => c.cardNumber), s.cards.map((c) => c.revokedAt)],
      );
      await manager.query(
        `INSERT INTO card_requests.cards (card_number, request_id, participant_id, verification_code, expires_on, issued_at, revoked_at)
         SELECT u.card_number, $1, u.participant_id, u.code, u.expires_on, u.issued_at, u.revoked_at
         FROM unnest($2::text[], $3::uuid[], $4::text[], $5::date[], $6::timestamptz[], $7::timestamptz[])
           AS u(card_number, participant_id, code, expires_on, issued_at, revoked_at)
         ON CONFLICT (card_number) DO NOTHING`,
        [
          s.id,
          s.cards.map((c) => c.cardNumber),
          s.cards.map((c) => c.participantId),
          s.cards.map((c) => c.verificationCode),
          s.cards.map((c) => c.expiresOn),
          s.cards.map((c) => c.issuedAt),
          s.cards.map((c) => c.revokedAt),
        ],
      );
    }
  }

  protected toIntegrationEvents(event: DomainEvent): readonly OutgoingEvent[] {
    return cardRequestsIntegrationEvents(event);
  }
}

function toSnapshot(row: RequestRow, participants: ParticipantRow[], cards: CardRow[]): CardRequestSnapshot {
  return {
    id: row.id,
    version: row.version,
    number: row.number,
    status: row.status,
    trainer: {
      accountId: row.trainer_account_id,
      cardNumber: row.trainer_card_number,
      firstName: row.trainer_first_name,
      lastName: row.trainer_last_name,
      email: row.trainer_email,
    },
    session: {
      trainerEmail: row.trainer_email,
      secondTrainer:
        row.second_trainer_account_id === null
          ? null
          : {
              accountId: row.second_trainer_account_id,
              cardNumber: row.second_trainer_card_number ?? '',
              firstName: row.second_trainer_first_name ?? '',
              lastName: row.second_trainer_last_name ?? '',
            },
      organizationTypeCode: row.organization_type_code,
      organizationName: row.organization_name,
      accreditedInstitutionId: row.accredited_institution_id,
      trainingLocation: row.training_location,
      activityCode: row.activity_code,
      sessionEndDate: row.session_end_date,
      delivery: {
        address: row.delivery_address,
        city: row.delivery_city,
        postalCode: row.delivery_postal_code,
        attention: row.delivery_attention,
        email: row.delivery_email,
      },
    },
    participants: participants.map((p) => ({
      id: p.id,
      position: p.position,
      title: p.title,
      firstName: p.first_name,
      lastName: p.last_name,
      birthDate: p.birth_date,
      phone: p.phone,
      extension: p.extension,
      nameKey: p.name_key,
    })),
    payment:
      row.payment_method === null || row.bill_to === null
        ? null
        : { method: row.payment_method, billTo: row.bill_to, unitPriceCents: row.unit_price_cents ?? 0, totalCents: row.total_cents ?? 0, lang: row.lang ?? 'fr' },
    invoice: row.invoice_id === null ? null : { id: row.invoice_id, number: row.invoice_number ?? '' },
    cards: cards.map((c) => ({
      participantId: c.participant_id,
      cardNumber: c.card_number,
      verificationCode: c.verification_code,
      expiresOn: c.expires_on,
      issuedAt: c.issued_at,
      revokedAt: c.revoked_at,
    })),
    trackingNumber: row.tracking_number,
    canceledReason: row.canceled_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}
