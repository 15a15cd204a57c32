import { Global, Injectable, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MailOutbox, type MailMessage } from '@guichet/shared/application';
import { AppConfig, loadAppConfig } from '@guichet/shared/config';
import { uuidv7 } from '@guichet/shared/kernel';
import { BULLMQ_POSTGRES_SCHEMA, MessagingModule, messagingMigrations } from '@guichet/shared/messaging';
import { PersistenceModule, TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { MAIL_QUEUE, MailAttachmentResolver, MailModule, mailMigrations, type MailAttachment } from '../src';
import { createTestDatabase } from '@guichet/shared/persistence/testing';

/** One message as maildev's REST API lists it (GET /email). */
interface CaughtMail {
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  headers: Record<string, string>;
  attachments?: { fileName: string; contentType: string; length: number; generatedFileName?: string }[];
}

/** Attachment kind `test.note`: a small text file named after its ref, built when the worker sends. */
@Injectable()
class TestNoteAttachment extends MailAttachmentResolver {
  readonly kind = 'test.note';
  async resolve(ref: string): Promise<MailAttachment> {
    return { filename: `${ref}.txt`, contentType: 'text/plain', content: new TextEncoder().encode(`Note ${ref}`) };
  }
}

const SMTP_URL = process.env['SMTP_URL'];
const MAILDEV_URL = process.env['MAILDEV_URL'];
const SESSION_SECRET = `int-test-secret-${uuidv7()}`;

const backends: [string, string | undefined][] = [
  ['redis', process.env['REDIS_URL']],
  ['postgres', undefined],
];

describe.each(backends)('mail on the %s queue backend', (backendName, redisUrl) => {
  const run = uuidv7().slice(-12);
  const redisPrefix = `mail-test-${run}`;
  let database: { url: string; drop: () => Promise<void> };
  let api: INestApplicationContext;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    if (!SMTP_URL || !MAILDEV_URL) throw new Error('SMTP_URL and MAILDEV_URL must point at maildev (node scripts/with-services.mjs)');
    if (backendName === 'redis' && !redisUrl) throw new Error('REDIS_URL must point at a redis-server');
    database = await createTestDatabase(`mail_${backendName}`);
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      SMTP_URL,
      MAIL_FROM: 'Guichet <no-reply@guichet.test>',
      PUBLIC_URL: 'https://guichet.test',
      SESSION_SECRET,
    });
    // The api migrates; the worker starts on the migrated schema, like the real apps.
    api = await startApp('api', config, database.url, redisUrl, redisPrefix);
    worker = await startApp('worker', config, database.url, redisUrl, redisPrefix);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await database?.drop();
  });

  const address = (who: string) => `${who}-${backendName}-${run}@example.org`;
  const ping = (to: string, overrides: Partial<MailMessage> = {}): MailMessage => ({
    to,
    lang: 'fr',
    template: 'test.ping',
    params: { name: 'Ana', link: 'https://guichet.test/essai' },
    ...overrides,
  });

  /** Runs `work` in a unit of work of the api, as a command handler would. */
  function inUnitOfWork(work: (outbox: MailOutbox) => Promise<void>): Promise<void> {
    return api.get(TypeOrmUnitOfWork).run(() => work(api.get(MailOutbox)));
  }

  it('delivers a mail requested in a committed unit of work, once, in the recipient’s language, values escaped', async () => {
    const to = address('committed');
    const token = `tok-${uuidv7()}`;
    // The outbox keeps published rows: the other tests' rows are there too, and left out below.
    const earlierRows: { id: string }[] = await api.get(DataSource).query(`SELECT id FROM messaging.outbox`);
    await inUnitOfWork((outbox) =>
      outbox.send(ping(to, { lang: 'en', params: { name: `<b>Ana & "Bob"</b>`, link: `https://guichet.test/reset?token=${token}` } })),
    );
    const [mail] = await mailsTo(to, 1);
    expect(mail.subject).toBe(`Test email for <b>Ana & "Bob"</b>`);
    expect(mail.headers['content-language']).toBe('en-CA');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('<p>Hello &lt;b&gt;Ana &amp; &quot;Bob&quot;&lt;/b&gt;,</p>');
    expect(mail.html).not.toContain('<b>Ana');
    expect(mail.html).toContain(`<a href="https://guichet.test/reset?token=${token}">Open the test link</a>`);
    expect(mail.text).toContain(`Hello <b>Ana & "Bob"</b>,`);
    expect(mail.text).toContain('This email was sent to you automatically by Guichet.');

    // The link token and the address are in no table and no queued job, sent or not; the scan does
    // read the outbox and the queue's store, where the event name is in clear.
    expect(await storedTextContaining([token, to])).toEqual([]);
    const controls = await storedTextContaining(['mail.requested.v1']);
    const isEarlier = (found: string) => earlierRows.some((row) => found.includes(row.id));
    expect(controls.filter((found) => found.startsWith('messaging.outbox:') && !isEarlier(found))).toHaveLength(1);
    expect(controls.filter((found) => found.startsWith(redisUrl ? 'redis ' : `${BULLMQ_POSTGRES_SCHEMA}.`)).length).toBeGreaterThan(0);
    // Once: a marker requested later arrives, and still only one mail went to `to`.
    await expectExactlyOneAfterMarker(to);
  });

  it('never delivers a mail requested in a unit of work that rolled back', async () => {
    const to = address('rolled-back');
    await expect(
      inUnitOfWork(async (outbox) => {
        await outbox.send(ping(to));
        throw new Error('the command failed after requesting the mail');
      }),
    ).rejects.toThrow('the command failed');
    const marker = address('after-rollback');
    await inUnitOfWork((outbox) => outbox.send(ping(marker)));
    await mailsTo(marker, 1);
    expect(await mailsTo(to, 0)).toEqual([]);
  });

  it('sends once for one idempotency key, also when the first request rolled back', async () => {
    const to = address('idempotent');
    const idempotencyKey = `test.ping:${uuidv7()}`;
    await expect(
      inUnitOfWork(async (outbox) => {
        await outbox.send(ping(to, { idempotencyKey, params: { name: 'rolled back', link: 'https://guichet.test/' } }));
        throw new Error('rolled back: the key is not taken');
      }),
    ).rejects.toThrow('rolled back');
    await inUnitOfWork((outbox) => outbox.send(ping(to, { idempotencyKey })));
    // A retried command, in its own unit of work, and a request outside any unit of work.
    await inUnitOfWork((outbox) => outbox.send(ping(to, { idempotencyKey })));
    await api.get(MailOutbox).send(ping(to, { idempotencyKey }));
    const [mail] = await mailsTo(to, 1);
    expect(mail.subject).toBe('Essai de courriel pour Ana');
    expect(mail.html).toContain('<html lang="fr">');
    await expectExactlyOneAfterMarker(to);
  });

  it('attaches the files the worker resolves from the references, which are stored sealed', async () => {
    const to = address('attachment');
    const ref = `note-${uuidv7().slice(-8)}`;
    await inUnitOfWork((outbox) => outbox.send(ping(to, { attachments: [{ kind: 'test.note', ref }] })));
    const [mail] = await mailsTo(to, 1);
    expect(mail.attachments).toEqual([expect.objectContaining({ fileName: `${ref}.txt`, contentType: 'text/plain', length: `Note ${ref}`.length })]);
    expect(await storedTextContaining([ref])).toEqual([]);
  });

  async function expectExactlyOneAfterMarker(to: string): Promise<void> {
    const marker = address(`marker-${uuidv7().slice(-6)}`);
    await inUnitOfWork((outbox) => outbox.send(ping(marker)));
    await mailsTo(marker, 1);
    expect(await mailsTo(to, 0)).toHaveLength(1);
  }

  /** Rows of the outbox, the key table and the BullMQ store (PostgreSQL or Redis) that contain any of `needles`. */
  async function storedTextContaining(needles: string[]): Promise<string[]> {
    const db = api.get(DataSource);
    const tables: { schema: string; name: string }[] = await db.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_schema IN ('messaging', 'mail', $1) AND table_type = 'BASE TABLE'`,
      [BULLMQ_POSTGRES_SCHEMA],
    );
    expect(tables.map((table) => `${table.schema}.${table.name}`)).toEqual(expect.arrayContaining(['messaging.outbox', 'mail.idempotency_keys']));
    const found: string[] = [];
    for (const table of tables) {
      const rows: { row: string }[] = await db.query(`SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`);
      const matching = rows.map((row) => row.row).filter((row) => needles.some((needle) => row.includes(needle)));
      found.push(...matching.map((row) => `${table.schema}.${table.name}: ${row}`));
    }
    if (redisUrl) {
      const redis = new Redis(redisUrl);
      try {
        const keys = await redis.keys(`${redisPrefix}:${MAIL_QUEUE}:*`);
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) {
          const type = await redis.type(key);
          const dump = type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : type === 'string' ? ((await redis.get(key)) ?? '') : '';
          if (needles.some((needle) => dump.includes(needle))) found.push(`redis ${key}: ${dump}`);
        }
      } finally {
        redis.disconnect();
      }
    }
    return found;
  }
});

/** Waits until maildev holds at least `count` mails to `to` (returns at once for 0), then returns them. */
async function mailsTo(to: string, count: number, timeoutMs = 15_000): Promise<CaughtMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${MAILDEV_URL}/email`);
    const all = (await response.json()) as CaughtMail[];
    const mails = all.filter((mail) => mail.to.some((recipient) => recipient.address === to));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} mail(s) to ${to}; got ${mails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

@Global()
@Module({})
class TestConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: TestConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

async function startApp(
  role: 'api' | 'worker',
  config: AppConfig,
  databaseUrl: string,
  redisUrl: string | undefined,
  redisPrefix: string,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    {
      module: class MailTestAppModule {},
      imports: [
        TestConfigModule.with(config),
        PersistenceModule.forRoot({
          url: databaseUrl,
          migrations: [...messagingMigrations, ...mailMigrations],
          migrateOnStart: role === 'api',
          poolSize: 4,
        }),
        MessagingModule.forRoot({
          role,
          // An empty string keeps the PostgreSQL backend even when REDIS_URL is set in the environment.
          redisUrl: redisUrl ?? '',
          redisPrefix,
          consumer: { lockDuration: 5_000, stalledInterval: 5_000 },
          relay: { pollIntervalMs: 200, maxBackoffMs: 500 },
        }),
        MailModule.forRoot({ role }),
        MailModule.forFeature([], { attachments: [TestNoteAttachment] }),
      ],
    },
    { logger: process.env['TEST_LOGS'] ? ['log', 'warn', 'error'] : ['error'] },
  );
  app.enableShutdownHooks();
  return app;
}

