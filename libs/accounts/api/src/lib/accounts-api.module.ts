import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SessionAuthenticator } from '@guichet/shared/auth';
import { AdminAccountsController } from './admin/admin-accounts.controller';
import { AccountsSessionAuthenticator } from './auth/accounts-session.authenticator';
import { AuthController } from './auth/auth.controller';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { ProfileController } from './profile/profile.controller';
import { AltchaVerifier } from './registration/altcha.verifier';
import { RegistrationsController } from './registration/registrations.controller';

export interface AccountsApiOptions {
  /**
   * The module registering the Accounts command and query handlers with their ports bound:
   * `AccountsInfrastructureModule` in the app, in-memory fakes in tests. The controllers reach the
   * handlers only through the buses (`CqrsModule.forRoot()` is imported once, by the app).
   */
  readonly infrastructure: NonNullable<ModuleMetadata['imports']>[number];
}

/**
 * The Accounts HTTP api: sign-in and sessions, registration with ALTCHA, password recovery, « Profil »,
 * back-office administration, and the `SessionAuthenticator` the global guard uses (exported: give
 * this module to `AuthModule.forRoot({ imports: [...] })`).
 */
@Module({})
export class AccountsApiModule {
  static register(options: AccountsApiOptions): DynamicModule {
    return {
      module: AccountsApiModule,
      imports: [CqrsModule, options.infrastructure],
      controllers: [AuthController, RegistrationsController, PasswordResetController, ProfileController, AdminAccountsController],
      providers: [
        AltchaVerifier,
        AccountsSessionAuthenticator,
        { provide: SessionAuthenticator, useExisting: AccountsSessionAuthenticator },
      ],
      exports: [SessionAuthenticator],
    };
  }
}
