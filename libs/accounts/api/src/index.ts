export { AccountsApiModule, type AccountsApiOptions } from './lib/accounts-api.module';
export { AccountsSessionAuthenticator } from './lib/auth/accounts-session.authenticator';
export {
  ACCOUNTS_AUTHORIZATION_MATRIX,
  ACCOUNTS_AUDIENCES,
  PORTAL_STAFF_AUDIENCES,
  type AccountsAudience,
  type PortalStaffAudience,
} from './lib/accounts.authorization-matrix';
export { BotCheckFailed, UnreadableRegistryFile } from './lib/shared/accounts-api.errors';
