export { AuthModule, type AuthModuleOptions } from './lib/auth.module';
export { SessionAuthenticator, type Principal, type RequestClient } from './lib/session/principal';
export {
  Public,
  Roles,
  Permission,
  BackOffice,
  CsrfExempt,
  CSRF_EXEMPT_KEY,
  BACK_OFFICE_CHANNEL,
  CurrentUser,
  principalOf,
  IS_PUBLIC_KEY,
  REQUIRED_ROLES_KEY,
  REQUIRED_CHANNEL_KEY,
  PRINCIPAL_PROPERTY,
} from './lib/session/auth.decorators';
export { AuthGuard, requestClient } from './lib/session/auth.guard';
export { AuthCookies } from './lib/session/auth-cookies';
export { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER, readCookie } from './lib/session/cookies';
export { CsrfProtection, STATE_CHANGING_METHODS } from './lib/csrf/csrf-protection';
export { CsrfRejected } from './lib/csrf/csrf.errors';
export { BackOfficeRequired } from './lib/session/session.errors';
export { Throttler, TooManyRequests, type ThrottleRule } from './lib/throttle/throttler';
export { ThrottleStore, SpentProofs, type ThrottleCount } from './lib/throttle/throttle-store';
export { PostgresThrottleStore, PostgresSpentProofs } from './lib/throttle/postgres-throttle.store';
export type { AuthorizationMatrix, Expectation } from './lib/testing/authorization-matrix';
export { authMigrations, CreateAuthSchema1764100000000 } from './lib/throttle/auth.migration';
