import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideAccountsSession } from '@guichet/portal/accounts/data-access';
import { ACCOUNTS_TRANSLATIONS } from '@guichet/portal/accounts/feature';
import { BILLING_TRANSLATIONS } from '@guichet/portal/billing/feature';
import { CARD_REQUESTS_TRANSLATIONS } from '@guichet/portal/card-requests/feature';
import { languageInterceptor, mergeTranslations, provideI18n } from '@guichet/shared/ui';
import { appRoutes } from './app.routes';
import { PORTAL_TRANSLATIONS } from './portal.translations';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideI18n(
      mergeTranslations(
        mergeTranslations(mergeTranslations(PORTAL_TRANSLATIONS, ACCOUNTS_TRANSLATIONS), BILLING_TRANSLATIONS),
        CARD_REQUESTS_TRANSLATIONS,
      ),
    ),
    // XSRF: cookie XSRF-TOKEN echoed in X-XSRF-TOKEN (the defaults), which the API's guard expects.
    provideHttpClient(withXsrfConfiguration({}), withInterceptors([languageInterceptor])),
    provideAccountsSession('portal'),
  ],
};
