import { inject, makeEnvironmentProviders, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import type { AppNameKey } from './common.translations';
import { APP_TRANSLATIONS, I18n } from './i18n.service';
import { TranslatedTitleStrategy } from './translated-title.strategy';
import type { Translations } from './translations';

/**
 * Runtime i18n for an app: its dictionaries, the language read back from the last visit, the
 * `<html lang>` attribute, and route titles (route `title` values are translation keys).
 */
export function provideI18n(translations: Translations<AppNameKey>): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: APP_TRANSLATIONS, useValue: translations },
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // Created at start so `<html lang>` is right before the first render.
    provideAppInitializer(() => void inject(I18n)),
  ]);
}

