import type { MigrationClass } from '@guichet/shared/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Names of the unique indexes, which the account repository turns into domain errors. */
export const ACCOUNT_UNIQUE_INDEXES = Object.freeze({
  email: 'accounts_email_key',
  username: 'accounts_username_key',
  trainerCard: 'accounts_trainer_card_key',
  learnerUserCode: 'accounts_learner_user_code_key',
});

/**
 * Schema `accounts`: the accounts (roles as `text[]`), their single-use link tokens (hashes only),
 * the server-side sessions (token hashes only) and the append-only security audit log.
 */
export class CreateAccountsSchema1764100000000 implements MigrationInterface {
  name = 'CreateAccountsSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS accounts`);
    await queryRunner.query(`
      CREATE TABLE accounts.accounts (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0),
        username text,
        email text NOT NULL,
        first_name text,
        last_name text,
        roles text[] NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('pending-confirmation', 'active', 'deactivated')),
        password_hash text,
        trainer_card_number text,
        certification_expires_on date,
        learner_user_code text,
        failed_sign_ins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_signed_in_at timestamptz,
        created_at timestamptz NOT NULL,
        email_confirmed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Lowercase, accent-free words of the searchable fields, each preceded by a space (prefix search).
        search_text text NOT NULL DEFAULT ''
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX ${ACCOUNT_UNIQUE_INDEXES.email} ON accounts.accounts (lower(email))`);
    await queryRunner.query(`CREATE UNIQUE INDEX ${ACCOUNT_UNIQUE_INDEXES.username} ON accounts.accounts (username)`);
    await queryRunner.query(`CREATE UNIQUE INDEX ${ACCOUNT_UNIQUE_INDEXES.trainerCard} ON accounts.accounts (trainer_card_number)`);
    await queryRunner.query(`CREATE UNIQUE INDEX ${ACCOUNT_UNIQUE_INDEXES.learnerUserCode} ON accounts.accounts (learner_user_code)`);
    await queryRunner.query(`CREATE INDEX accounts_roles_idx ON accounts.accounts USING gin (roles)`);
    await queryRunner.query(`CREATE INDEX accounts_name_idx ON accounts.accounts (lower(last_name), lower(first_name), lower(email))`);

    // At most one link per purpose and account (a new link replaces the previous one).
    await queryRunner.query(`
      CREATE TABLE accounts.action_tokens (
        account_id uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('email-confirmation', 'password-reset', 'email-change', 'set-password')),
        token_hash char(64) NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        new_email text,
        PRIMARY KEY (account_id, purpose)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX action_tokens_hash_key ON accounts.action_tokens (token_hash)`);

    await queryRunner.query(`
      CREATE TABLE accounts.sessions (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        token_hash char(64) NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('portal', 'back-office')),
        remember_me boolean NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        idle_timeout_ms integer NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON accounts.sessions (token_hash)`);
    await queryRunner.query(`CREATE INDEX sessions_open_by_account_idx ON accounts.sessions (account_id) WHERE revoked_at IS NULL`);
    // For the purge of ended sessions.
    await queryRunner.query(`CREATE INDEX sessions_absolute_expiry_idx ON accounts.sessions (absolute_expires_at)`);

    // No foreign key: the log outlives what it describes.
    await queryRunner.query(`
      CREATE TABLE accounts.audit_log (
        id uuid PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        action text NOT NULL,
        account_id uuid,
        actor_id uuid,
        identifier text,
        ip text,
        user_agent text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_occurred_idx ON accounts.audit_log (occurred_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_account_idx ON accounts.audit_log (account_id, occurred_at DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON accounts.audit_log (actor_id, occurred_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA accounts CASCADE`);
  }
}

/** Accounts' migrations, in order: add them to the apps' migration list after the foundation's. */
export const accountsMigrations: readonly MigrationClass[] = [CreateAccountsSchema1764100000000];
