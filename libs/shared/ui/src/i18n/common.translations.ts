import { defineTranslations, type TranslationKey } from './translations';

/** Words the kit's own components use; apps add theirs with `provideI18n`. */
export const COMMON_TRANSLATIONS = defineTranslations({
  fr: {
    'common.skipLink': 'Passer au contenu principal',
    'common.home': 'Accueil',
    'common.footer': 'Guichet · Services en ligne de formation, d’inscription et d’examen',
    'common.notFound.title': 'Page introuvable',
    'common.notFound.body': 'La page demandée n’existe pas ou a été déplacée.',
    'common.notFound.back': 'Retour à l’accueil',
  },
  en: {
    'common.skipLink': 'Skip to main content',
    'common.home': 'Home',
    'common.footer': 'Guichet · Online training, registration and exam services',
    'common.notFound.title': 'Page not found',
    'common.notFound.body': 'The page you asked for does not exist or has moved.',
    'common.notFound.back': 'Back to home',
  },
});

export type CommonKey = TranslationKey<typeof COMMON_TRANSLATIONS>;

/** Every app names itself under this key: the toolbar and the page titles show it. */
export type AppNameKey = 'app.name';

/** The keys the kit's components may use. */
export type KitKey = CommonKey | AppNameKey;
