import { inject, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RETURN_PARAM, SessionStore, provideAccountsSession } from '@guichet/portal/accounts/data-access';
import { ADMIN_ACCOUNTS_TRANSLATIONS } from '@guichet/admin/accounts/feature';
import { ADMIN_BILLING_TRANSLATIONS, FINANCE_DESK_ACCESS, type FinanceDeskAccess } from '@guichet/admin/billing/feature';
import { ACCOUNTS_TRANSLATIONS, ACCOUNT_PATHS } from '@guichet/portal/accounts/feature';
import { languageInterceptor, mergeTranslations, provideI18n } from '@guichet/shared/ui';
import { appRoutes } from './app.routes';
import { ADMIN_TRANSLATIONS } from './admin.translations';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideI18n(
      mergeTranslations(mergeTranslations(mergeTranslations(ADMIN_TRANSLATIONS, ACCOUNTS_TRANSLATIONS), ADMIN_ACCOUNTS_TRANSLATIONS), ADMIN_BILLING_TRANSLATIONS),
    ),
    // XSRF: cookie XSRF-TOKEN echoed in X-XSRF-TOKEN (the defaults), which the API's guard expects.
    provideHttpClient(withXsrfConfiguration({}), withInterceptors([languageInterceptor])),
    provideAccountsSession('back-office'),
    // Billing's pages may not import Accounts: the app tells them who holds the `finance` role.
    {
      provide: FINANCE_DESK_ACCESS,
      useFactory: (): FinanceDeskAccess => {
        const session = inject(SessionStore);
        return {
          signedIn: () => session.signedIn(),
          isFinance: () => session.me()?.roles.includes('finance') ?? false,
          signInPath: ACCOUNT_PATHS.signIn,
          returnParam: RETURN_PARAM,
        };
      },
    },
  ],
};
