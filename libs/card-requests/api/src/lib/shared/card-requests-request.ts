import type { CardRequestActor } from '@guichet/card-requests/contracts';
import type { Principal } from '@guichet/shared/auth';
import { negotiateLanguage } from '@guichet/shared/http';
import type { Lang } from '@guichet/shared/kernel';
import type { Request } from 'express';

/** A trainer acting on their own requests. */
export function trainerOf(principal: Principal): CardRequestActor {
  return { accountId: principal.accountId, staff: false, canAct: true };
}

/** Staff on the back-office: `card-clerk` acts, `finance` reads. */
export function staffOf(principal: Principal): CardRequestActor {
  return { accountId: principal.accountId, staff: true, canAct: principal.roles.includes('card-clerk') };
}

export function langOf(req: Request): Lang {
  return negotiateLanguage(req.headers['accept-language']);
}

/** `attachment; filename="…"` with an ASCII-only name. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}
