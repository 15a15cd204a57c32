import { DEFAULT_LANGUAGE, type Language } from './language';

export type Dictionary<K extends string> = Readonly<Record<K, string>>;

/** One dictionary per language, both with exactly the same keys. */
export interface Translations<K extends string> {
  readonly fr: Dictionary<K>;
  readonly en: Dictionary<K>;
}

/** The keys of a `Translations` value, e.g. `TranslationKey<typeof PORTAL_TRANSLATIONS>`. */
export type TranslationKey<T> = T extends Translations<infer K> ? K : never;

/** Values put into `{name}` placeholders. */
export type TranslationParams = Readonly<Record<string, string | number>>;

/**
 * Declares an app's or a feature's words. The keys come from the French dictionary; the compiler
 * rejects an English dictionary with a missing or an extra key.
 */
export function defineTranslations<K extends string>(translations: {
  fr: Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): Translations<K> {
  return translations;
}

/**
 * Merges two sets of words. A key defined twice is a mistake (one of the two would silently win),
 * so it throws at start-up rather than showing the wrong word.
 */
export function mergeTranslations<A extends string, B extends string>(
  first: Translations<A>,
  second: Translations<B>,
): Translations<A | B> {
  const duplicates = Object.keys(second.fr).filter((key) => Object.hasOwn(first.fr, key));
  if (duplicates.length > 0) {
    throw new Error(`Translation keys defined twice: ${duplicates.join(', ')}`);
  }
  return {
    fr: { ...first.fr, ...second.fr },
    en: { ...first.en, ...second.en },
  };
}

/**
 * The text of `key` in `language`, with `{name}` placeholders filled from `params`.
 * Falls back to French, then to the key itself, so a gap shows up on screen instead of an empty label.
 */
export function translate<K extends string>(
  translations: Translations<K>,
  language: Language,
  key: K,
  params?: TranslationParams,
): string {
  const text = lookup(translations[language], key) ?? lookup(translations[DEFAULT_LANGUAGE], key) ?? key;
  return params ? interpolate(text, params) : text;
}

function lookup<K extends string>(dictionary: Dictionary<K>, key: K): string | undefined {
  return Object.hasOwn(dictionary, key) ? dictionary[key] : undefined;
}

function interpolate(text: string, params: TranslationParams): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}
