import { Global, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig, loadAppConfig } from '@guichet/shared/config';
import { MailModule, mailMigrations, MailParamsCipher } from '@guichet/shared/mail';
import { MessagingModule, messagingMigrations } from '@guichet/shared/messaging';
import { PersistenceModule } from '@guichet/shared/persistence';
import { DataSource } from 'typeorm';
import { AccountsInfrastructureModule, accountsMigrations } from '../../src';

export const PUBLIC_URL = 'https://guichet.test';

@Global()
@Module({})
class TestConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: TestConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

export { createTestDatabase } from '@guichet/shared/persistence/testing';

/** The api's wiring of Accounts: config, database, outbox, mail outbox, CQRS and the accounts module. */
export async function startAccountsContext(databaseUrl: string): Promise<INestApplicationContext> {
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PUBLIC_URL,
    SESSION_SECRET: `accounts-int-${Math.random().toString(36).slice(2)}-${Date.now()}`,
  });
  const app = await NestFactory.createApplicationContext(
    {
      module: class AccountsTestAppModule {},
      imports: [
        TestConfigModule.with(config),
        PersistenceModule.forRoot({ url: databaseUrl, migrations: [...messagingMigrations, ...mailMigrations, ...accountsMigrations], poolSize: 6 }),
        // An empty string keeps the PostgreSQL queue backend: these tests need no Redis.
        MessagingModule.forRoot({ role: 'api', redisUrl: '' }),
        MailModule.forRoot({ role: 'api' }),
        CqrsModule.forRoot(),
        AccountsInfrastructureModule,
      ],
    },
    { logger: process.env['TEST_LOGS'] ? ['log', 'warn', 'error'] : ['error'] },
  );
  await app.init();
  return app;
}

/** What a mail requested through the outbox carries, opened with the app's key (as the worker would). */
export interface RequestedMail {
  readonly template: string;
  readonly to: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export async function requestedMails(app: INestApplicationContext): Promise<RequestedMail[]> {
  const rows: { payload: { template: string; lang: string; sealed: string } }[] = await app
    .get(DataSource)
    .query(`SELECT payload FROM messaging.outbox WHERE event_name = 'mail.requested.v1' ORDER BY id`);
  const cipher = app.get(MailParamsCipher);
  return rows.map(({ payload }) => {
    const opened = cipher.open(payload.sealed, `mail.requested.v1|${payload.template}|${payload.lang}`);
    return { template: payload.template, to: opened.to, params: opened.params };
  });
}

/** The token of the last mail of `template` to `to`, read from the link's `#jeton=` fragment. */
export async function lastLinkToken(app: INestApplicationContext, template: string, to: string): Promise<string> {
  const mail = (await requestedMails(app)).filter((m) => m.template === template && m.to === to).at(-1);
  if (mail === undefined) throw new Error(`No ${template} mail to ${to}`);
  const link = String(mail.params['link']);
  const token = new URL(link).hash.replace(/^#jeton=/, '');
  if (token === '' || token === link) throw new Error(`No token in the ${template} link`);
  return decodeURIComponent(token);
}
