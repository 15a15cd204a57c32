import { LANGUAGE_STORAGE_KEY, browserStorage, readStoredLanguage, storeLanguage, type KeyValueStorage } from './language-store';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const brokenStorage: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('the stored language', () => {
  it('is French on a first visit or without storage', () => {
    expect(readStoredLanguage(new MemoryStorage())).toBe('fr');
    expect(readStoredLanguage(undefined)).toBe('fr');
  });

  it('is read back after being stored', () => {
    const storage = new MemoryStorage();
    storeLanguage(storage, 'en');
    expect(storage.items.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage(storage)).toBe('en');
    storeLanguage(storage, 'fr');
    expect(readStoredLanguage(storage)).toBe('fr');
  });

  it('ignores a value that is not a language', () => {
    const storage = new MemoryStorage();
    storage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    expect(readStoredLanguage(storage)).toBe('fr');
  });

  it('survives a storage that throws', () => {
    expect(readStoredLanguage(brokenStorage)).toBe('fr');
    expect(() => storeLanguage(brokenStorage, 'en')).not.toThrow();
  });

  it('gets no storage where reading localStorage throws', () => {
    const sandboxed = Object.defineProperty({}, 'localStorage', {
      get: () => {
        throw new Error('SecurityError');
      },
    }) as Window & typeof globalThis;
    expect(browserStorage(sandboxed)).toBeUndefined();
    expect(browserStorage(null)).toBeUndefined();
  });
});
