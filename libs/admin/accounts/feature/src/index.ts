export { ADMIN_ACCOUNTS_TRANSLATIONS, type AdminAccountsKey } from './lib/admin-accounts.translations';
export { ADMIN_ACCOUNT_PATHS, adminAccountRoutes } from './lib/admin-accounts.routes';
export { AdminAccountsNavComponent } from './lib/admin-nav.component';
