import type { MigrationClass } from '@guichet/shared/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Names of the unique indexes, which the repositories turn into domain errors. */
export const BILLING_UNIQUE_INDEXES = Object.freeze({
  invoiceReference: 'invoices_reference_key',
  paymentIdempotencyKey: 'payments_idempotency_key',
  onePendingOnlinePayment: 'payments_one_open_online_key',
  manualReference: 'payments_manual_reference_key',
  refundIdempotencyKey: 'refunds_idempotency_key',
});

/**
 * Schema `billing`, pretix-ledger style: invoices and credit notes (never deleted) with their lines,
 * payments and refunds as separate records, the append-only history, the gapless number counters, the
 * provider events already applied, and the products' tax rates. Amounts are integer cents (`bigint`).
 */
export class CreateBillingSchema1764300000000 implements MigrationInterface {
  name = 'CreateBillingSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS billing`);
    await queryRunner.query(`
      CREATE TABLE billing.invoice_number_counters (
        series text NOT NULL CHECK (series IN ('invoice', 'credit-note')),
        year integer NOT NULL,
        last integer NOT NULL CHECK (last > 0),
        PRIMARY KEY (series, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE billing.invoices (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0),
        number text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
        status text NOT NULL CHECK (status IN ('issued', 'paid', 'canceled')),
        reference_service text NOT NULL,
        reference_id text NOT NULL,
        payer_account_id uuid,
        payer_email text NOT NULL,
        lang text NOT NULL CHECK (lang IN ('fr', 'en')),
        bill_to jsonb NOT NULL,
        method text CHECK (method IN ('card', 'paypal', 'cheque', 'deposit')),
        payable_until timestamptz,
        issued_at timestamptz NOT NULL,
        issued_by text,
        original_invoice_id uuid REFERENCES billing.invoices (id),
        reason text,
        subtotal_cents bigint NOT NULL,
        gst_cents bigint NOT NULL,
        qst_cents bigint NOT NULL,
        total_cents bigint NOT NULL CHECK (total_cents >= 0),
        paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
        refunded_cents bigint NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0 AND refunded_cents <= paid_cents),
        credited_cents bigint NOT NULL DEFAULT 0 CHECK (credited_cents >= 0 AND credited_cents <= total_cents),
        paid_at timestamptz,
        canceled_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'credit-note') = (original_invoice_id IS NOT NULL))
      )`);
    // One invoice per requester's reference (credit notes repeat it).
    await queryRunner.query(
      `CREATE UNIQUE INDEX ${BILLING_UNIQUE_INDEXES.invoiceReference} ON billing.invoices (reference_service, reference_id) WHERE kind = 'invoice'`,
    );
    await queryRunner.query(`CREATE INDEX invoices_payer_idx ON billing.invoices (payer_account_id, issued_at DESC)`);
    await queryRunner.query(`CREATE INDEX invoices_issued_idx ON billing.invoices (issued_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX invoices_original_idx ON billing.invoices (original_invoice_id)`);
    await queryRunner.query(`
      CREATE TABLE billing.invoice_lines (
        invoice_id uuid NOT NULL REFERENCES billing.invoices (id),
        position integer NOT NULL,
        product_code text NOT NULL,
        description_fr text NOT NULL,
        description_en text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_cents bigint NOT NULL,
        amount_cents bigint NOT NULL,
        gst_milli_percent integer NOT NULL,
        qst_milli_percent integer NOT NULL,
        gst_cents bigint NOT NULL,
        qst_cents bigint NOT NULL,
        PRIMARY KEY (invoice_id, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE billing.payments (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0),
        invoice_id uuid NOT NULL REFERENCES billing.invoices (id),
        reference_service text NOT NULL,
        reference_id text NOT NULL,
        method text NOT NULL CHECK (method IN ('card', 'paypal', 'cheque', 'deposit')),
        state text NOT NULL CHECK (state IN ('pending', 'requires-action', 'confirmed', 'failed', 'canceled', 'refunded', 'partially-refunded')),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        refunded_cents bigint NOT NULL DEFAULT 0,
        refunding_cents bigint NOT NULL DEFAULT 0,
        idempotency_key text,
        provider_id text,
        label text,
        next_action_url text,
        failure_code text,
        held_for_staff boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        received_on date,
        manual_reference text,
        recorded_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (refunded_cents >= 0 AND refunding_cents >= 0 AND refunded_cents + refunding_cents <= amount_cents)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX ${BILLING_UNIQUE_INDEXES.paymentIdempotencyKey} ON billing.payments (idempotency_key)`);
    // One online payment in flight per invoice.
    await queryRunner.query(
      `CREATE UNIQUE INDEX ${BILLING_UNIQUE_INDEXES.onePendingOnlinePayment} ON billing.payments (invoice_id)
       WHERE state IN ('pending', 'requires-action') AND method IN ('card', 'paypal')`,
    );
    // The same cheque or transfer number once per invoice.
    await queryRunner.query(
      `CREATE UNIQUE INDEX ${BILLING_UNIQUE_INDEXES.manualReference} ON billing.payments (invoice_id, method, lower(manual_reference))
       WHERE manual_reference IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX payments_invoice_idx ON billing.payments (invoice_id, created_at)`);
    await queryRunner.query(`CREATE INDEX payments_provider_idx ON billing.payments (provider_id)`);
    await queryRunner.query(`CREATE INDEX payments_confirmed_idx ON billing.payments (confirmed_at)`);
    await queryRunner.query(`CREATE INDEX payments_held_idx ON billing.payments (confirmed_at) WHERE held_for_staff`);
    await queryRunner.query(`
      CREATE TABLE billing.refunds (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0),
        payment_id uuid NOT NULL REFERENCES billing.payments (id),
        invoice_id uuid NOT NULL REFERENCES billing.invoices (id),
        reference_service text NOT NULL,
        reference_id text NOT NULL,
        method text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        state text NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
        reason text NOT NULL,
        idempotency_key text NOT NULL,
        provider_refund_id text,
        credit_note_id uuid REFERENCES billing.invoices (id),
        credit_note_number text,
        requested_by text,
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX ${BILLING_UNIQUE_INDEXES.refundIdempotencyKey} ON billing.refunds (idempotency_key)`);
    await queryRunner.query(`CREATE INDEX refunds_payment_idx ON billing.refunds (payment_id, created_at)`);
    await queryRunner.query(`CREATE INDEX refunds_provider_idx ON billing.refunds (provider_refund_id)`);
    await queryRunner.query(`CREATE INDEX refunds_completed_idx ON billing.refunds (completed_at)`);
    await queryRunner.query(`
      CREATE TABLE billing.invoice_history (
        id bigserial PRIMARY KEY,
        invoice_id uuid NOT NULL REFERENCES billing.invoices (id),
        at timestamptz NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        amount_cents bigint,
        details text
      )`);
    await queryRunner.query(`CREATE INDEX invoice_history_invoice_idx ON billing.invoice_history (invoice_id, id)`);
    await queryRunner.query(`
      CREATE TABLE billing.processed_gateway_events (
        event_id text PRIMARY KEY,
        type text NOT NULL,
        processed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE billing.product_taxes (
        product_code text PRIMARY KEY,
        gst_milli_percent integer NOT NULL CHECK (gst_milli_percent BETWEEN 0 AND 100000),
        qst_milli_percent integer NOT NULL CHECK (qst_milli_percent BETWEEN 0 AND 100000),
        updated_by text,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA billing CASCADE`);
  }
}

/** Billing's migrations, in order: add them to the apps' migration list after Accounts'. */
export const billingMigrations: readonly MigrationClass[] = [CreateBillingSchema1764300000000];
