import { inject, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RETURN_PARAM, SessionStore, provideAccountsSession } from '@guichet/portal/accounts/data-access';
import { ADMIN_ACCOUNTS_TRANSLATIONS } from '@guichet/admin/accounts/feature';
import { ADMIN_BILLING_TRANSLATIONS, FINANCE_DESK_ACCESS, type FinanceDeskAccess } from '@guichet/admin/billing/feature';
import { ADMIN_CARD_REQUESTS_NAV_TRANSLATIONS, CARD_DESK_ACCESS, type CardDeskAccess } from '@guichet/admin/card-requests/feature';
import { ACCOUNTS_TRANSLATIONS, ACCOUNT_PATHS } from '@guichet/portal/accounts/feature';
import { languageInterceptor, mergeTranslations, provideI18n } from '@guichet/shared/ui';
import { appRoutes } from './app.routes';
import { ADMIN_TRANSLATIONS } from './admin.translations';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    // The card desk's pages bring their own words when they load; only its navigation and titles are here.
    provideI18n(
      mergeTranslations(
        mergeTranslations(mergeTranslations(mergeTranslations(ADMIN_TRANSLATIONS, ACCOUNTS_TRANSLATIONS), ADMIN_ACCOUNTS_TRANSLATIONS), ADMIN_BILLING_TRANSLATIONS),
        ADMIN_CARD_REQUESTS_NAV_TRANSLATIONS,
      ),
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
    // Likewise for the card desk: `card-clerk` and `finance` read, `card-clerk` acts.
    {
      provide: CARD_DESK_ACCESS,
      useFactory: (): CardDeskAccess => {
        const session = inject(SessionStore);
        const holds = (role: string): boolean => session.me()?.roles.includes(role) ?? false;
        return {
          signedIn: () => session.signedIn(),
          canRead: () => holds('card-clerk') || holds('finance'),
          canAct: () => holds('card-clerk'),
          signInPath: ACCOUNT_PATHS.signIn,
          returnParam: RETURN_PARAM,
        };
      },
    },
  ],
};
