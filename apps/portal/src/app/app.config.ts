import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideI18n } from '@guichet/shared/ui';
import { appRoutes } from './app.routes';
import { PORTAL_TRANSLATIONS } from './portal.translations';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideI18n(PORTAL_TRANSLATIONS),
  ],
};
