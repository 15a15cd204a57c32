export { AccountsApiModule, type AccountsApiOptions } from './lib/accounts-api.module';
export { AccountsSessionAuthenticator } from './lib/auth/accounts-session.authenticator';
export { ACCOUNTS_AUTHORIZATION_MATRIX } from './lib/accounts.authorization-matrix';
export { BotCheckFailed, UnreadableRegistryFile } from './lib/shared/accounts-api.errors';
