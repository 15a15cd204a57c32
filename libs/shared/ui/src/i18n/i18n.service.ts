import { DOCUMENT, Injectable, InjectionToken, inject, signal } from '@angular/core';
import { COMMON_TRANSLATIONS, type KitKey } from './common.translations';
import { otherLanguage, type Language } from './language';
import { browserStorage, readStoredLanguage, storeLanguage } from './language-store';
import { mergeTranslations, translate, type TranslationParams, type Translations } from './translations';

/** The app's own words (merged with the kit's common words). */
export const APP_TRANSLATIONS = new InjectionToken<Translations<string>>('APP_TRANSLATIONS');

/** The current language as a signal, and the words in it. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly storage = browserStorage(this.document.defaultView);
  private readonly translations: Translations<string> = mergeTranslations<string, string>(
    COMMON_TRANSLATIONS,
    inject(APP_TRANSLATIONS, { optional: true }) ?? { fr: {}, en: {} },
  );
  private readonly current = signal<Language>(readStoredLanguage(this.storage));

  readonly language = this.current.asReadonly();

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  /** Switches the whole app, remembers the choice and tells assistive technology via `<html lang>`. */
  use(language: Language): void {
    this.current.set(language);
    this.document.documentElement.lang = language;
    storeLanguage(this.storage, language);
  }

  toggle(): void {
    this.use(otherLanguage(this.current()));
  }

  /** Reads the language signal, so templates and `computed`s that call it follow a switch. */
  t(key: string, params?: TranslationParams): string {
    return translate(this.translations, this.current(), key, params);
  }
}

/** A translate function typed to an app's keys (plus the kit's): `t = injectTranslate<PortalKey>()`. */
export function injectTranslate<K extends string>(): (key: K | KitKey, params?: TranslationParams) => string {
  const i18n = inject(I18n);
  return (key, params) => i18n.t(key, params);
}
