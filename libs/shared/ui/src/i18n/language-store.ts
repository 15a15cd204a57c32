import { DEFAULT_LANGUAGE, isLanguage, type Language } from './language';

/** Shared by the portal and the back-office: they live on the same origin. */
export const LANGUAGE_STORAGE_KEY = 'guichet.language';

/** The part of the Web Storage API the language choice needs. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The language chosen on an earlier visit, or French. */
export function readStoredLanguage(storage: KeyValueStorage | undefined): Language {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // Storage can be disabled (privacy settings) or throw on access: French it is.
    return DEFAULT_LANGUAGE;
  }
}

/** Remembers the choice; when storage refuses, the switch still works for the rest of the visit. */
export function storeLanguage(storage: KeyValueStorage | undefined, language: Language): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Quota exceeded or storage disabled: not worth failing the switch for.
  }
}

/** `window.localStorage`, or nothing where reading the property itself throws (sandboxed frames). */
export function browserStorage(window: (Window & typeof globalThis) | null): KeyValueStorage | undefined {
  try {
    return window?.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
