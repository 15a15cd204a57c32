/** The query parameter carrying where to go back after « Connexion ». */
export const RETURN_PARAM = 'retour';

/** Only same-app paths (`/…`, never `//host` or `/\\host`) are followed after sign-in: no open redirect. */
export function safeReturnUrl(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
