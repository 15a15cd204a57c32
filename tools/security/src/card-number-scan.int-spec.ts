import { Client } from 'pg';
import { scanDatabase } from './card-number-scan';

/** The scan reads every database of the server: a card number planted in a database of its own is found. */
describe('card-number scan of a real PostgreSQL', () => {
  const name = `card_scan_${Date.now().toString(36)}`;
  const serverUrl = process.env['DATABASE_URL'] ?? '';

  afterAll(async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('finds a card number in any table of any database, and reports it masked', async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    await db.query(`CREATE SCHEMA leak; CREATE TABLE leak.notes (id int, body jsonb)`);
    await db.query(`INSERT INTO leak.notes VALUES (1, '{"note": "carte 4000 0566 5566 5556 reçue"}'), (2, '{"id": "0190c6a2-7b1e-7c3d-9f00-1234567890ab"}')`);
    await db.end();

    const result = await scanDatabase(serverUrl);
    expect(result.databases).toBeGreaterThanOrEqual(2);
    expect(result.findings).toContainEqual({ where: `${name}:leak.notes`, masked: '400005…5556' });
    expect(result.findings.filter((f) => f.where.startsWith(`${name}:`))).toHaveLength(1);
  });
});
