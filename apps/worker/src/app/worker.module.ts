import { Module } from '@nestjs/common';
import { ACCOUNT_MAIL_TEMPLATES, AccountsInfrastructureModule } from '@guichet/accounts/infrastructure';
import { BillingInfrastructureModule } from '@guichet/billing/infrastructure';
import { CardRequestsInfrastructureModule } from '@guichet/card-requests/infrastructure';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig, AppConfigModule } from '@guichet/shared/config';
import { loggerOptions, pinoHttpWith } from '@guichet/shared/http';
import { MailModule } from '@guichet/shared/mail';
import { MessagingModule } from '@guichet/shared/messaging';
import { PersistenceModule } from '@guichet/shared/persistence';
import { LoggerModule } from 'nestjs-pino';

/**
 * The worker: no HTTP. It relays the outbox to BullMQ and runs the integration-event consumers and
 * background jobs of every context (each context's worker module is imported here). The schema is
 * migrated before it starts (`RUN_MODE=migrate` of the api: `npm start`, `npm run migrate`, the Compose
 * migrate step), so the worker never races the api on migrations.
 */
@Module({
  imports: [
    AppConfigModule.forRoot(),
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ pinoHttp: pinoHttpWith(loggerOptions(config.logLevel), config.logFormat) }),
    }),
    PersistenceModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        url: config.databaseUrl,
        migrations: [],
        migrateOnStart: false,
        applicationName: 'guichet-worker',
      }),
    }),
    MessagingModule.forRoot({ role: 'worker' }),
    // Sends the mail every context requests (queue `mail`).
    MailModule.forRoot({ role: 'worker' }),
    // Each context's mail templates, so the worker can render what the api requested.
    MailModule.forFeature(ACCOUNT_MAIL_TEMPLATES),
    // Command and query buses: the consumers read and act through them.
    CqrsModule.forRoot(),
    // Billing's consumers (invoice, receipt and failure mails with the PDF) and the handlers they query;
    // Accounts answers Billing's payer lookup and CardRequests' trainer registry.
    AccountsInfrastructureModule,
    BillingInfrastructureModule,
    // CardRequests' consumers: asks Billing for the invoice, follows it to paid, mails each step.
    CardRequestsInfrastructureModule,
  ],
})
export class WorkerModule {}
