import { Client } from 'pg';

/**
 * Looks for payment card numbers (PAN) where none may be: our database and our logs. A candidate is a
 * run of 13 to 19 digits, possibly grouped by single spaces or dashes, that starts like an issued card
 * (2 to 6: Mastercard 2-series, Amex/Diners 3, Visa 4, Mastercard 5, Discover/UnionPay 6) and passes the
 * Luhn check, standing alone (not inside a word or a UUID). Epoch milliseconds and migration timestamps
 * start with 1.
 */
const CANDIDATE = /(?<![\dA-Za-z])[2-6](?:[ -]?\d){12,18}(?![\dA-Za-z])/g;
/** UUIDs (request ids, aggregate ids) are hex with dashes: a digits-only stretch of one is not a card. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export interface CardNumberFinding {
  /** Where it was found: `schema.table` or a file name. */
  readonly where: string;
  /** First six and last four digits only: the finding itself must not leak the number. */
  readonly masked: string;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The Luhn-valid card-like numbers in `text`, masked. */
export function findCardNumbers(text: string, where: string): CardNumberFinding[] {
  const findings: CardNumberFinding[] = [];
  for (const match of text.replace(UUID, ' ').matchAll(CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) continue;
    findings.push({ where, masked: `${digits.slice(0, 6)}…${digits.slice(-4)}` });
  }
  return findings;
}

/**
 * Every row of every table of every database of the server behind `databaseUrl` (the tests create
 * databases of their own), system schemas excepted, as text.
 */
export async function scanDatabase(databaseUrl: string): Promise<{ databases: number; tables: number; rows: number; findings: CardNumberFinding[] }> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  let names: string[];
  try {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY 1`);
    names = rows.map((row) => row.datname);
  } finally {
    await admin.end();
  }
  const total = { databases: names.length, tables: 0, rows: 0, findings: [] as CardNumberFinding[] };
  for (const name of names) {
    const url = new URL(databaseUrl);
    url.pathname = `/${encodeURIComponent(name)}`;
    const result = await scanOneDatabase(url.toString(), name);
    total.tables += result.tables;
    total.rows += result.rows;
    total.findings.push(...result.findings);
  }
  return total;
}

async function scanOneDatabase(databaseUrl: string, name: string): Promise<{ tables: number; rows: number; findings: CardNumberFinding[] }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    );
    const findings: CardNumberFinding[] = [];
    let rows = 0;
    for (const table of tables) {
      const qualified = `${quote(table.schema)}.${quote(table.name)}`;
      const result = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${qualified} t`);
      rows += result.rows.length;
      for (const { row } of result.rows) findings.push(...findCardNumbers(row, `${name}:${table.schema}.${table.name}`));
    }
    return { tables: tables.length, rows, findings };
  } finally {
    await client.end();
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
