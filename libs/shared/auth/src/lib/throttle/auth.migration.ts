import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema `auth`: throttling counters and spent single-use proofs, shared by every api replica.
 * Keys and digests are HMACs: no identifier, address or solution is stored in clear.
 */
export class CreateAuthSchema1764100000000 implements MigrationInterface {
  name = 'CreateAuthSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS auth`);
    await queryRunner.query(`
      CREATE TABLE auth.throttle_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        resets_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX throttle_counters_resets_at_idx ON auth.throttle_counters (resets_at)`);
    await queryRunner.query(`
      CREATE TABLE auth.spent_proofs (
        digest text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX spent_proofs_expires_at_idx ON auth.spent_proofs (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA auth CASCADE`);
  }
}

/** Register with the app's migrations (apps/api and apps/worker run the same list). */
export const authMigrations = [CreateAuthSchema1764100000000];
