import type { Lang } from '@guichet/shared/kernel';

/** Where a request came from, for the audit log and throttling. Never a secret. */
export interface ClientInfo {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export const UNKNOWN_CLIENT: ClientInfo = Object.freeze({ ip: null, userAgent: null });

/** The two sign-in screens: the portal (everyone) and the back-office (staff roles only). */
export type SignInChannel = 'portal' | 'back-office';

export type AccountStatus = 'pending-confirmation' | 'active' | 'deactivated';

/** The language of the mails a command sends. */
export type MailLang = Lang;
