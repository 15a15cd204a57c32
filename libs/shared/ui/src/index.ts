export { LANGUAGES, DEFAULT_LANGUAGE, LANGUAGE_NAMES, isLanguage, otherLanguage, type Language } from './i18n/language';
export {
  defineTranslations,
  mergeTranslations,
  translate,
  type Dictionary,
  type TranslationKey,
  type TranslationParams,
  type Translations,
} from './i18n/translations';
export { LANGUAGE_STORAGE_KEY } from './i18n/language-store';
export { COMMON_TRANSLATIONS, type AppNameKey, type CommonKey, type KitKey } from './i18n/common.translations';
export { APP_TRANSLATIONS, I18n, injectTranslate } from './i18n/i18n.service';
export { provideI18n } from './i18n/provide-i18n';
export { TranslatePipe } from './i18n/translate.pipe';
export { TranslatedTitleStrategy } from './i18n/translated-title.strategy';
export { LanguageSwitchComponent } from './language-switch/language-switch.component';
export { AppShellComponent } from './shell/app-shell.component';
export { NotFoundPage, notFoundRoute } from './not-found/not-found.page';
export { languageInterceptor } from './http/language.interceptor';
