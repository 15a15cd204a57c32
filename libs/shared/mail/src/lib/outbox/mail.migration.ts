import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema `mail`: the idempotency keys of requested mails. A key is recorded in the requester's
 * transaction, so it is taken only when the request commits.
 */
export class CreateMailSchema1763850000000 implements MigrationInterface {
  name = 'CreateMailSchema1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS mail`);
    await queryRunner.query(`
      CREATE TABLE mail.idempotency_keys (
        key text PRIMARY KEY,
        template text NOT NULL,
        message_id uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA mail CASCADE`);
  }
}

/** Register after `messagingMigrations`: `PersistenceModule.forRoot({ migrations: [...messagingMigrations, ...mailMigrations] })`. */
export const mailMigrations = [CreateMailSchema1763850000000];
