import { Module } from '@nestjs/common';
import { AppConfig, AppConfigModule } from '@guichet/shared/config';
import { HealthModule, HttpFoundationModule } from '@guichet/shared/http';
import { MessagingModule } from '@guichet/shared/messaging';
import { PersistenceModule } from '@guichet/shared/persistence';
import { MIGRATIONS } from './migrations';
import { ShutdownReporter } from './shutdown-reporter';

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
    HealthModule,
    // Bounded contexts' api modules go here, e.g. AccountsApiModule.
  ],
  providers: [ShutdownReporter],
})
export class AppModule {}
