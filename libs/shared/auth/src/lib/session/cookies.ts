import type { Request } from 'express';

/** The session cookie: httpOnly, SameSite=Lax, Secure outside development and test. */
export const SESSION_COOKIE = 'guichet_session';
/** Readable by the Angular apps, which echo it in `X-XSRF-TOKEN` (HttpClient's default names). */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

/** The value of one cookie of the request (no cookie-parser needed), or null. The first occurrence wins. */
export function readCookie(req: Pick<Request, 'headers'>, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}
