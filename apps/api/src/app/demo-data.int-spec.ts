import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SignIn, UNKNOWN_CLIENT } from '@guichet/accounts/contracts';
import { CommandBus } from '@nestjs/cqrs';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { DEMO_ACCOUNTS, seedDemoData } from './demo-data';

interface ReadmeRow {
  readonly role: string;
  readonly identifier: string;
  readonly password: string;
}

/** The « Comptes de démonstration » table as a reader sees it: the seed must agree with it. */
function readmeRows(): ReadmeRow[] {
  const readme = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');
  const section = readme.split('## Comptes de démonstration')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .map((line) => /^\|.*\(`([a-z-]+)`\) \| `([^`]+)` \| `([^`]+)` \|$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, role, identifier, password]) => ({ role, identifier, password }));
}

const SNAPSHOT_SQL = `
  SELECT id, username, email, roles, status, password_hash, trainer_card_number, learner_user_code, version
  FROM accounts.accounts WHERE email = ANY($1) ORDER BY email`;
const DEMO_EMAILS = DEMO_ACCOUNTS.map((a) => a.email);

describe('demo data (real database)', () => {
  let app: INestApplication;
  let commands: CommandBus;
  let db: DataSource;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    await app.init();
    commands = app.get(CommandBus);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('seeds one account per role, and seeding again changes nothing', async () => {
    const first = await seedDemoData(commands, 'test');
    const after1 = await db.query(SNAPSHOT_SQL, [DEMO_EMAILS]);
    const second = await seedDemoData(commands, 'test');
    const after2 = await db.query(SNAPSHOT_SQL, [DEMO_EMAILS]);

    expect(after1).toHaveLength(DEMO_ACCOUNTS.length);
    expect(after2).toEqual(after1);
    expect(second.map((s) => s.outcome)).toEqual(DEMO_ACCOUNTS.map(() => 'unchanged'));
    expect(second.map((s) => s.accountId)).toEqual(first.map((s) => s.accountId));
    const byEmail = new Map<string, { roles: string[]; status: string; username: string | null; learner_user_code: string | null }>(
      after2.map((row: { email: string }) => [row.email, row]),
    );
    for (const account of DEMO_ACCOUNTS) {
      expect(byEmail.get(account.email)).toMatchObject({ roles: [account.role], status: 'active' });
    }
    expect(byEmail.get('claude.ethier@exemple.test')?.username).toBe('ethc003');
    expect(byEmail.get('apprenant@exemple.test')?.learner_user_code).toMatch(/^[A-Z0-9]+$/);
  });

  it('lets every account in the README table sign in with its listed password', async () => {
    // Seeded here too (seeding is idempotent): the accounts must not depend on the other test having run.
    await seedDemoData(commands, 'test');
    const rows = readmeRows();
    expect(rows.map((r) => r.role).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.role).sort());
    for (const row of rows) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === row.role);
      expect(account?.signInAs).toBe(row.identifier);
      const result = await commands.execute(new SignIn(row.identifier, row.password, account?.channel ?? 'portal', false, UNKNOWN_CLIENT));
      expect(result.sessionToken.length).toBeGreaterThan(10);
    }
  });
});
