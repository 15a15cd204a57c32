import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Channel the outbox insert trigger notifies, so the relay wakes up without waiting for its poll. */
export const OUTBOX_CHANNEL = 'messaging_outbox';

/**
 * Schema `messaging`: the outbox (one row per integration event, written in the aggregate's
 * transaction) and the inbox (one row per message a consumer has handled).
 */
export class CreateMessagingSchema1763840000000 implements MigrationInterface {
  name = 'CreateMessagingSchema1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS messaging`);
    await queryRunner.query(`
      CREATE TABLE messaging.outbox (
        id uuid PRIMARY KEY,
        event_name text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        publish_attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay reads only unpublished rows, oldest first (UUIDv7 ids sort by time).
    await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON messaging.outbox (id) WHERE published_at IS NULL`);
    await queryRunner.query(`
      CREATE FUNCTION messaging.notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    // Per statement, and PostgreSQL folds identical notifications of a transaction into one at commit.
    await queryRunner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON messaging.outbox
      FOR EACH STATEMENT EXECUTE FUNCTION messaging.notify_outbox()`);
    await queryRunner.query(`
      CREATE TABLE messaging.inbox (
        consumer text NOT NULL,
        message_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA messaging CASCADE`);
  }
}

/**
 * `messaging.queue_status`: the job counts of each consumer queue, written by the worker every few
 * seconds, so the api (which has the HTTP metrics endpoint but no consumers) can expose them.
 */
export class CreateQueueStatus1764000000000 implements MigrationInterface {
  name = 'CreateQueueStatus1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE messaging.queue_status (
        queue text PRIMARY KEY,
        failed integer NOT NULL,
        waiting integer NOT NULL,
        active integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE messaging.queue_status`);
  }
}

/** Register with `PersistenceModule.forRoot({ migrations: [...messagingMigrations, ...] })`. */
export const messagingMigrations = [CreateMessagingSchema1763840000000, CreateQueueStatus1764000000000];
