export * from './lib/accounts.models';
export { toApiProblem, type ApiFieldError, type ApiProblem } from './lib/api-problem';
export { AccountsApi } from './lib/accounts.api';
export { AdminAccountsApi } from './lib/admin-accounts.api';
export { SIGN_IN_CHANNEL, SessionStore } from './lib/session.store';
export { RETURN_PARAM, safeReturnUrl } from './lib/return-url';
export { sessionGuard } from './lib/session.guard';
export { provideAccountsSession } from './lib/provide-accounts';
