import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideI18n } from '@guichet/shared/ui';
import { appRoutes } from './app.routes';
import { ADMIN_TRANSLATIONS } from './admin.translations';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideI18n(ADMIN_TRANSLATIONS),
  ],
};
