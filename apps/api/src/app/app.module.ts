import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountsApiModule } from '@guichet/accounts/api';
import { AccountsInfrastructureModule } from '@guichet/accounts/infrastructure';
import { BillingApiModule } from '@guichet/billing/api';
import { BillingInfrastructureModule } from '@guichet/billing/infrastructure';
import { CardRequestsApiModule } from '@guichet/card-requests/api';
import { CardRequestsInfrastructureModule } from '@guichet/card-requests/infrastructure';
import { AuthModule } from '@guichet/shared/auth';
import { AppConfig, AppConfigModule } from '@guichet/shared/config';
import { HealthModule, HttpFoundationModule } from '@guichet/shared/http';
import { MailModule } from '@guichet/shared/mail';
import { MessagingModule } from '@guichet/shared/messaging';
import { PersistenceModule } from '@guichet/shared/persistence';
import { MIGRATIONS } from './migrations';
import { ShutdownReporter } from './shutdown-reporter';

/** Accounts' controllers on its infrastructure; it also tells the global guard who is calling. */
const accountsApi = AccountsApiModule.register({ infrastructure: AccountsInfrastructureModule });
/** Billing's controllers (payers, finance desk, the processor's callbacks) on its infrastructure. */
const billingApi = BillingApiModule.register({ infrastructure: BillingInfrastructureModule });
/** CardRequests' controllers (trainers, the card desk, public verification) on its infrastructure. */
const cardRequestsApi = CardRequestsApiModule.register({ infrastructure: CardRequestsInfrastructureModule });

/**
 * The HTTP host. Foundation first (configuration, logging and metrics, database, queue, health); then
 * one api module per bounded context, each bringing its controllers and handlers.
 */
@Module({
  imports: [
    AppConfigModule.forRoot(),
    HttpFoundationModule.forRoot(),
    PersistenceModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        url: config.databaseUrl,
        migrations: [...MIGRATIONS],
        migrateOnStart: config.migrateOnStart,
        applicationName: 'guichet-api',
      }),
    }),
    // The api writes the outbox and may add jobs; the worker relays and consumes.
    MessagingModule.forRoot({ role: 'api' }),
    // MailOutbox: mail requested in a command's transaction, sent by the worker.
    MailModule.forRoot({ role: 'api' }),
    HealthModule,
    // Command and query buses, once for the app; each context registers its handlers.
    CqrsModule.forRoot(),
    // The global guard (on by default, `@Public()` opts out), CSRF and throttling.
    AuthModule.forRoot({ imports: [accountsApi] }),
    // Bounded contexts' api modules.
    accountsApi,
    billingApi,
    cardRequestsApi,
  ],
  providers: [ShutdownReporter],
})
export class AppModule {}
