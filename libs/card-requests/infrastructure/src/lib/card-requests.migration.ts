import type { MigrationClass } from '@guichet/shared/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export const CARD_REQUESTS_UNIQUE_INDEXES = Object.freeze({
  verificationCode: 'cards_verification_code_key',
  cardNumber: 'cards_card_number_key',
});

/** Fixed ids of the seeded accredited institutions (stable across databases for tests and demos). */
export const SEEDED_INSTITUTIONS: readonly { id: string; name: string }[] = [
  { id: '0192f000-0000-7000-8000-000000000001', name: 'Cégep de Sainte-Foy' },
  { id: '0192f000-0000-7000-8000-000000000002', name: 'Cégep du Vieux Montréal' },
  { id: '0192f000-0000-7000-8000-000000000003', name: 'Cégep de Sherbrooke' },
  { id: '0192f000-0000-7000-8000-000000000004', name: 'Collège de Maisonneuve' },
  { id: '0192f000-0000-7000-8000-000000000005', name: 'Centre de formation professionnelle Fierbourg' },
  { id: '0192f000-0000-7000-8000-000000000006', name: 'École des métiers des Faubourgs-de-Montréal' },
  { id: '0192f000-0000-7000-8000-000000000007', name: 'Centre de formation professionnelle de Lachine' },
];

const ORGANIZATION_TYPES: readonly [string, string, string][] = [
  ['accredited-institution', 'Maison d’enseignement accréditée', 'Accredited educational institution'],
  ['health-institution', 'Établissement de santé', 'Health institution'],
  ['social-services', 'Établissement de services sociaux', 'Social services institution'],
  ['enterprise', 'Entreprise', 'Business'],
  ['other', 'Autre', 'Other'],
];

const ACTIVITIES: readonly [string, string, string, number | null][] = [
  ['pdsb', 'Déplacement sécuritaire des bénéficiaires (PDSB)', 'Safe patient handling (PDSB)', 36],
  ['pdsb-home', 'Principes pour le déplacement sécuritaire des bénéficiaires – soins à domicile', 'Safe patient handling principles – home care', 36],
  ['first-aid', 'Secourisme en milieu de travail', 'Workplace first aid', 36],
  ['omega', 'Oméga – Intervention en situation d’agressivité', 'Omega – Dealing with aggressive behaviour', 24],
  ['ergonomics', 'Ergonomie du poste de travail', 'Workstation ergonomics', null],
];

/**
 * Schema `card_requests`: requests (session fields, payment kept at submission, invoice), participants,
 * cards (current and revoked), the append-only history, the reference data (seeded with Quebec
 * defaults) and the gapless number counters.
 */
export class CreateCardRequestsSchema1764400000000 implements MigrationInterface {
  name = 'CreateCardRequestsSchema1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS card_requests`);
    await q.query(`
      CREATE TABLE card_requests.number_counters (
        series text NOT NULL CHECK (series IN ('request', 'card')),
        year integer NOT NULL,
        last integer NOT NULL CHECK (last > 0),
        PRIMARY KEY (series, year)
      )`);
    await q.query(`
      CREATE TABLE card_requests.organization_types (
        code text PRIMARY KEY,
        label_fr text NOT NULL,
        label_en text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        position integer NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE card_requests.accredited_institutions (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`
      CREATE TABLE card_requests.activities (
        code text PRIMARY KEY,
        label_fr text NOT NULL,
        label_en text NOT NULL,
        validity_months integer CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 240),
        active boolean NOT NULL DEFAULT true,
        position integer NOT NULL DEFAULT 0
      )`);
    await q.query(`
      CREATE TABLE card_requests.settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        card_price_cents integer NOT NULL CHECK (card_price_cents > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      )`);
    await q.query(`
      CREATE TABLE card_requests.requests (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0),
        number text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'invoiced', 'paid', 'cards-produced', 'shipped', 'canceled')),
        trainer_account_id uuid NOT NULL,
        trainer_card_number text NOT NULL,
        trainer_first_name text NOT NULL,
        trainer_last_name text NOT NULL,
        trainer_email text NOT NULL,
        second_trainer_account_id uuid,
        second_trainer_card_number text,
        second_trainer_first_name text,
        second_trainer_last_name text,
        organization_type_code text NOT NULL REFERENCES card_requests.organization_types (code),
        organization_name text NOT NULL,
        accredited_institution_id uuid REFERENCES card_requests.accredited_institutions (id),
        training_location text NOT NULL,
        activity_code text NOT NULL REFERENCES card_requests.activities (code),
        session_end_date date NOT NULL,
        delivery_address text NOT NULL,
        delivery_city text NOT NULL,
        delivery_postal_code text NOT NULL,
        delivery_attention text NOT NULL,
        delivery_email text NOT NULL,
        payment_method text CHECK (payment_method IN ('card', 'cheque', 'deposit')),
        bill_to text CHECK (bill_to IN ('individual', 'organization')),
        unit_price_cents integer,
        total_cents integer,
        lang text CHECK (lang IN ('fr', 'en')),
        invoice_id uuid,
        invoice_number text,
        tracking_number text,
        canceled_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        submitted_at timestamptz,
        CHECK ((status = 'draft') = (payment_method IS NULL) OR status = 'canceled')
      )`);
    await q.query(`CREATE INDEX requests_trainer_idx ON card_requests.requests (trainer_account_id, created_at DESC)`);
    await q.query(`CREATE INDEX requests_second_trainer_idx ON card_requests.requests (second_trainer_account_id) WHERE second_trainer_account_id IS NOT NULL`);
    await q.query(`CREATE INDEX requests_status_idx ON card_requests.requests (status, session_end_date)`);
    await q.query(`
      CREATE TABLE card_requests.participants (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES card_requests.requests (id) ON DELETE CASCADE,
        position integer NOT NULL,
        title text NOT NULL CHECK (title IN ('mr', 'mrs', 'mx')),
        first_name text NOT NULL,
        last_name text NOT NULL,
        birth_date date NOT NULL,
        phone text NOT NULL,
        extension text,
        name_key text NOT NULL,
        -- accent-, case- and punctuation-free forms (domain's normalizeName), for the staff search
        first_name_search text NOT NULL,
        last_name_search text NOT NULL
      )`);
    await q.query(`CREATE INDEX participants_request_idx ON card_requests.participants (request_id, position)`);
    await q.query(`CREATE INDEX participants_name_key_idx ON card_requests.participants (name_key)`);
    await q.query(`CREATE INDEX participants_search_idx ON card_requests.participants (last_name_search, first_name_search)`);
    await q.query(`
      CREATE TABLE card_requests.cards (
        card_number text NOT NULL,
        request_id uuid NOT NULL REFERENCES card_requests.requests (id),
        participant_id uuid NOT NULL REFERENCES card_requests.participants (id),
        verification_code text NOT NULL,
        expires_on date,
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CONSTRAINT ${CARD_REQUESTS_UNIQUE_INDEXES.cardNumber} PRIMARY KEY (card_number),
        CONSTRAINT ${CARD_REQUESTS_UNIQUE_INDEXES.verificationCode} UNIQUE (verification_code)
      )`);
    await q.query(`CREATE UNIQUE INDEX cards_one_current_per_participant ON card_requests.cards (participant_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE card_requests.history (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES card_requests.requests (id),
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        details text
      )`);
    await q.query(`CREATE INDEX history_request_idx ON card_requests.history (request_id, id)`);
    for (const [i, [code, fr, en]] of ORGANIZATION_TYPES.entries()) {
      await q.query(`INSERT INTO card_requests.organization_types (code, label_fr, label_en, position) VALUES ($1, $2, $3, $4)`, [code, fr, en, i + 1]);
    }
    for (const institution of SEEDED_INSTITUTIONS) {
      await q.query(`INSERT INTO card_requests.accredited_institutions (id, name) VALUES ($1, $2)`, [institution.id, institution.name]);
    }
    for (const [i, [code, fr, en, months]] of ACTIVITIES.entries()) {
      await q.query(`INSERT INTO card_requests.activities (code, label_fr, label_en, validity_months, position) VALUES ($1, $2, $3, $4, $5)`, [code, fr, en, months, i + 1]);
    }
    await q.query(`INSERT INTO card_requests.settings (id, card_price_cents) VALUES (true, 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA IF EXISTS card_requests CASCADE`);
  }
}

/** Card requests' migrations, after Accounts', messaging's, mail's and Billing's. */
export const cardRequestsMigrations: readonly MigrationClass[] = [CreateCardRequestsSchema1764400000000];
