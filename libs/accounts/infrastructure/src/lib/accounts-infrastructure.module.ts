import { ACCOUNTS_HANDLERS, AccountMail, AccountReadModel, AuditLog, CryptoTokenGenerator, TokenGenerator } from '@guichet/accounts/application';
import { AccountRepository, LearnerUserCodes, PasswordHasher, SessionRepository, UsernameAvailability } from '@guichet/accounts/domain';
import { AppConfig } from '@guichet/shared/config';
import { Clock, SystemClock } from '@guichet/shared/kernel';
import { MailModule } from '@guichet/shared/mail';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SqlLearnerUserCodes } from './account/sql-learner-user-codes';
import { SqlUsernameAvailability } from './account/sql-username-availability';
import { TypeOrmAccountRepository } from './account/typeorm-account.repository';
import { SqlAuditLog } from './audit/sql-audit-log';
import { ACCOUNT_MAIL_TEMPLATES } from './mail/account-mail.templates';
import { AccountLinkSettings, OutboxAccountMail } from './mail/outbox-account-mail';
import { Argon2PasswordHasher } from './password/argon2-password.hasher';
import { SqlAccountReadModel } from './read-model/sql-account-read-model';
import { TypeOrmSessionRepository } from './session/typeorm-session.repository';

/** The ports of Accounts, each bound to its adapter; exported for `libs/accounts/api` (guards, controllers). */
const PORTS = [
  { provide: AccountRepository, useClass: TypeOrmAccountRepository },
  { provide: SessionRepository, useClass: TypeOrmSessionRepository },
  { provide: PasswordHasher, useClass: Argon2PasswordHasher },
  { provide: UsernameAvailability, useClass: SqlUsernameAvailability },
  { provide: LearnerUserCodes, useClass: SqlLearnerUserCodes },
  { provide: AuditLog, useClass: SqlAuditLog },
  { provide: AccountReadModel, useClass: SqlAccountReadModel },
  { provide: AccountMail, useClass: OutboxAccountMail },
  { provide: TokenGenerator, useClass: CryptoTokenGenerator },
  { provide: Clock, useClass: SystemClock },
];

/**
 * Accounts on PostgreSQL: the command and query handlers of `@guichet/accounts/application` on the
 * command and query buses, with their ports bound to this lib's adapters, and Accounts' mail templates.
 *
 * The app must import, once: `CqrsModule.forRoot()`, `AppConfigModule.forRoot()`, `PersistenceModule`
 * (with `accountsMigrations` in its migrations), `MessagingModule` and `MailModule.forRoot(...)`.
 */
@Module({
  imports: [CqrsModule, MailModule.forFeature(ACCOUNT_MAIL_TEMPLATES)],
  providers: [
    ...PORTS,
    { provide: AccountLinkSettings, inject: [AppConfig], useFactory: (config: AppConfig): AccountLinkSettings => ({ publicUrl: config.publicUrl }) },
    ...ACCOUNTS_HANDLERS,
  ],
  exports: PORTS.map((port) => port.provide),
})
export class AccountsInfrastructureModule {}
