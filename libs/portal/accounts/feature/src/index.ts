export { ACCOUNTS_TRANSLATIONS, AccountsTranslatePipe, type AccountsKey } from './lib/accounts.translations';
export { ACCOUNT_PATHS } from './lib/shared/account-paths';
export { TouchedErrorStateMatcher, applyProblem, fieldError, focusFirstProblem } from './lib/shared/forms';
export { backOfficeAccountRoutes, portalAccountRoutes } from './lib/accounts.routes';
export { UserMenuComponent } from './lib/user-menu/user-menu.component';
