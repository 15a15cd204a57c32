/** What each app shows, in both languages: the specs check the pages against this. */
export interface AppUnderTest {
  readonly name: string;
  /** Path of the home page, relative to the server root. */
  readonly home: string;
  /** A path the app does not know. */
  readonly unknown: string;
  readonly heading: { readonly fr: string; readonly en: string };
  readonly title: { readonly fr: string; readonly en: string };
  readonly notFoundTitle: { readonly fr: string; readonly en: string };
}

export const PORTAL: AppUnderTest = {
  name: 'portal',
  home: '/',
  unknown: '/nulle-part',
  heading: { fr: 'Bienvenue au Guichet', en: 'Welcome to Guichet' },
  title: { fr: 'Accueil · Guichet', en: 'Home · Guichet' },
  notFoundTitle: { fr: 'Page introuvable · Guichet', en: 'Page not found · Guichet' },
};

export const ADMIN: AppUnderTest = {
  name: 'admin',
  home: '/admin/',
  unknown: '/admin/nulle-part',
  heading: { fr: 'Espace du personnel', en: 'Staff area' },
  title: { fr: 'Accueil · Guichet – Espace du personnel', en: 'Home · Guichet – Staff area' },
  notFoundTitle: {
    fr: 'Page introuvable · Guichet – Espace du personnel',
    en: 'Page not found · Guichet – Staff area',
  },
};

export const APPS: readonly AppUnderTest[] = [PORTAL, ADMIN];

/** Must match LANGUAGE_STORAGE_KEY of libs/shared/ui (kept literal: e2e code imports no app code). */
export const LANGUAGE_STORAGE_KEY = 'guichet.language';
