import { Client } from 'pg';

/*
 * For integration tests only (`@guichet/shared/persistence/testing`): a database of their own on the
 * server the harness started (scripts/with-services.mjs sets DATABASE_URL).
 */

/** The server the integration tests run against. */
export function testServerUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL must point at a PostgreSQL server for the integration tests (node scripts/with-services.mjs)');
  return url;
}

/**
 * A fresh database per test file, so runs never see each other's rows. `drop` removes it, unless the
 * harness keeps every database for the card-number scan after the run (GUICHET_KEEP_TEST_DATABASES=1;
 * the whole server goes anyway).
 */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = testServerUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      if (process.env['GUICHET_KEEP_TEST_DATABASES'] === '1') return;
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
