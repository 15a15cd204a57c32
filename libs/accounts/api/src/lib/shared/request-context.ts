import type { MailLang } from '@guichet/accounts/contracts';
import { negotiateLanguage } from '@guichet/shared/http';
import type { Request } from 'express';

/** Mails go out in the language the request asked for (French by default). */
export function langOf(req: Request): MailLang {
  return negotiateLanguage(req.headers['accept-language']);
}

/** Throttling keys an identifier as typed, loosely: case and spacing do not make a new counter. */
export function throttleSubject(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toLowerCase().slice(0, 320);
}

/** The caller's IP address for per-address limits (Express honours `trust proxy`). */
export function ipOf(req: Request): string | null {
  return req.ip ?? null;
}
