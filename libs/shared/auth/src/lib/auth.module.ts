import { Global, Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Clock, SystemClock } from '@guichet/shared/kernel';
import { CsrfController } from './csrf/csrf.controller';
import { CsrfProtection } from './csrf/csrf-protection';
import { AuthGuard } from './session/auth.guard';
import { AuthCookies } from './session/auth-cookies';
import { InMemorySpentProofs, InMemoryThrottleStore } from './throttle/in-memory-throttle.store';
import { PostgresSpentProofs, PostgresThrottleStore } from './throttle/postgres-throttle.store';
import { SpentProofs, ThrottleStore } from './throttle/throttle-store';
import { Throttler } from './throttle/throttler';

export interface AuthModuleOptions {
  /** Modules exporting the `SessionAuthenticator` (the Accounts api module). */
  readonly imports: NonNullable<ModuleMetadata['imports']>;
  /**
   * Where throttling counters and spent proofs live: `postgres` (default; schema `auth`, shared by
   * every replica; needs the global `PersistenceModule` and `authMigrations`) or `memory` (tests only).
   */
  readonly store?: 'postgres' | 'memory';
  /** Tests pass a fixed clock; the system clock otherwise. */
  readonly clock?: Clock;
}

/**
 * Authentication for the whole API: the global guard (`APP_GUARD`, on by default, `@Public()` opts
 * out), CSRF protection of every state-changing request, `GET /api/auth/csrf`, and the shared
 * throttler. Global: controllers of every context use `Throttler`, `AuthCookies` and `SpentProofs`.
 * Requires `AppConfigModule.forRoot()`.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const stores: Provider[] =
      options.store === 'memory'
        ? [
            { provide: ThrottleStore, useValue: new InMemoryThrottleStore() },
            { provide: SpentProofs, useValue: new InMemorySpentProofs() },
          ]
        : [
            { provide: ThrottleStore, useClass: PostgresThrottleStore },
            { provide: SpentProofs, useClass: PostgresSpentProofs },
          ];
    return {
      module: AuthModule,
      imports: [...options.imports],
      controllers: [CsrfController],
      providers: [
        ...stores,
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        CsrfProtection,
        AuthCookies,
        Throttler,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [Throttler, AuthCookies, CsrfProtection, SpentProofs],
    };
  }
}
