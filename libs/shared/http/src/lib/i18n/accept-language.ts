import { DEFAULT_LANG, type Lang } from '@guichet/shared/kernel';

const SUPPORTED: readonly Lang[] = ['fr', 'en'];

/**
 * Picks the language of an answer from an `Accept-Language` header (RFC 9110 §12.5.4): the supported
 * language with the highest weight wins, by primary subtag (`en-CA` is `en`), earlier entries winning ties.
 * French when the header is absent, malformed, or names only languages we do not speak; `*` means French.
 */
export function negotiateLanguage(header: string | readonly string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : (header as string | undefined);
  if (!value) return DEFAULT_LANG;
  let best: { lang: Lang; weight: number } | undefined;
  for (const part of value.split(',')) {
    const [range, ...params] = part.trim().split(';');
    const tag = range.trim().toLowerCase();
    if (!tag) continue;
    const weight = parseWeight(params);
    if (weight <= 0) continue;
    const primary = tag === '*' ? DEFAULT_LANG : tag.split('-')[0];
    const lang = SUPPORTED.find((l) => l === primary);
    if (lang && (!best || weight > best.weight)) best = { lang, weight };
  }
  return best?.lang ?? DEFAULT_LANG;
}

function parseWeight(params: readonly string[]): number {
  for (const param of params) {
    const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
    if (match) return Number(match[1]);
  }
  return params.some((p) => /^\s*q\s*=/i.test(p)) ? 0 : 1;
}
