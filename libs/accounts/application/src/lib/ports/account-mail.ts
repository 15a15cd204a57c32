import type { Lang } from '@guichet/shared/kernel';

/** Which app a link opens: the portal, or the back-office for staff. */
export type LinkAudience = 'portal' | 'back-office';

/**
 * The mails Accounts sends itself. Messages with a `token` carry the raw link token: the adapter puts
 * it in the link's fragment (`#jeton=…`, see {@link ACCOUNT_LINK_PATHS}), so it reaches neither server
 * logs nor `Referer` headers. It never logs the token; if it queues mails durably (the shared
 * `MailOutbox` of `@guichet/shared/application`), the link goes only into the encrypted parameters.
 */
export type AccountMailMessage =
  | { readonly template: 'email-confirmation'; readonly to: string; readonly lang: Lang; readonly token: string }
  /** Sent instead of a confirmation when someone registers with an address that has an account. */
  | { readonly template: 'account-already-exists'; readonly to: string; readonly lang: Lang }
  | {
      readonly template: 'password-reset';
      readonly to: string;
      readonly lang: Lang;
      readonly token: string;
      readonly username: string | null;
      readonly audience: LinkAudience;
    }
  | {
      readonly template: 'set-password';
      readonly to: string;
      readonly lang: Lang;
      readonly token: string;
      /** Told in the mail: a trainer signs in with it (`ethc003`, or `ethc003-2` after a collision). */
      readonly username: string | null;
      readonly firstName: string | null;
      readonly audience: LinkAudience;
    }
  /** A notice after a password change or reset (ASVS 2.5.x); no link. */
  | { readonly template: 'password-changed'; readonly to: string; readonly lang: Lang }
  | { readonly template: 'email-change-confirmation'; readonly to: string; readonly lang: Lang; readonly token: string }
  /** To the old address once the change is done; `newEmailMasked` like `n•••••@exemple.qc.ca`. */
  | { readonly template: 'email-changed'; readonly to: string; readonly lang: Lang; readonly newEmailMasked: string };

export type AccountMailTemplate = AccountMailMessage['template'];

/** Path of the screen each link opens, relative to the portal or back-office base URL; the token follows as `#jeton=<token>`. */
export const ACCOUNT_LINK_PATHS = Object.freeze({
  'email-confirmation': '/compte/confirmer',
  'password-reset': '/compte/nouveau-mot-de-passe',
  'set-password': '/compte/nouveau-mot-de-passe',
  'email-change-confirmation': '/compte/confirmer-courriel',
} as const);

/**
 * Port: sends Accounts' mails, French by default, English on request. The expected adapter maps each
 * message to the shared `MailOutbox` (template `accounts.<template>`, the link built from the portal or
 * back-office base URL + {@link ACCOUNT_LINK_PATHS} + `#jeton=<token>`). `send` must resolve without
 * waiting for SMTP delivery, so a request's duration does not reveal whether a mail was sent; it
 * rejects only when the message cannot be built or queued.
 */
export abstract class AccountMail {
  abstract send(message: AccountMailMessage): Promise<void>;
}

/** `nouveau@exemple.qc.ca` → `n••••••@exemple.qc.ca`: enough for the holder to recognise, not to read. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}${'•'.repeat(Math.max(at - 1, 1))}${email.slice(at)}`;
}
