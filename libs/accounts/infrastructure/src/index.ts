export { AccountsInfrastructureModule } from './lib/accounts-infrastructure.module';
export { accountsMigrations, CreateAccountsSchema1764100000000, ACCOUNT_UNIQUE_INDEXES } from './lib/accounts.migration';
export { TypeOrmAccountRepository } from './lib/account/typeorm-account.repository';
export { SqlUsernameAvailability } from './lib/account/sql-username-availability';
export { SqlLearnerUserCodes } from './lib/account/sql-learner-user-codes';
export { TypeOrmSessionRepository } from './lib/session/typeorm-session.repository';
export { SqlAuditLog } from './lib/audit/sql-audit-log';
export { SqlAccountReadModel } from './lib/read-model/sql-account-read-model';
export { Argon2PasswordHasher, ARGON2_OPTIONS } from './lib/password/argon2-password.hasher';
export { OutboxAccountMail, AccountLinkSettings } from './lib/mail/outbox-account-mail';
export {
  ACCOUNT_MAIL_TEMPLATES,
  AccountAlreadyExistsMail,
  EmailChangeConfirmationMail,
  EmailChangedMail,
  EmailConfirmationMail,
  PasswordChangedMail,
  PasswordResetMail,
  SetPasswordMail,
} from './lib/mail/account-mail.templates';
