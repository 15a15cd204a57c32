/** Languages a mail is written in: French first, English second. */
export const MAIL_LANGUAGES = ['fr', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** A value interpolated into a template. Format money, dates and numbers before (fr-CA or en-CA). */
export type MailParamValue = string | number;

/**
 * A file to attach, by reference: the worker asks the resolver registered for `kind` for the bytes
 * when it sends the mail (`MailModule.forFeature(templates, { attachments: [Resolver] })`). Ids only,
 * never the bytes or a secret: it is stored (sealed) with the request.
 */
export interface MailAttachmentRef {
  /** `context.what`, e.g. `billing.invoice-pdf`; a resolver of that kind must be registered. */
  readonly kind: string;
  /** What the resolver needs to find the file, e.g. an invoice id. */
  readonly ref: string;
}

/**
 * One mail to send, by template. `P` names the template's parameters, so a context can type its own
 * mails: `type PasswordResetMail = MailMessage<'firstName' | 'resetUrl'>`.
 */
export interface MailMessage<P extends string = string> {
  /** Recipient's address; checked like the kernel's `Email`. */
  readonly to: string;
  /** The recipient's language (their profile's), not the sender's. */
  readonly lang: MailLanguage;
  /** Registered template name, `context.template-name` (e.g. `accounts.password-reset`). */
  readonly template: string;
  /**
   * Exactly the template's declared parameters. They may carry secrets (a single-use link): the
   * adapter stores them encrypted and never logs them.
   */
  readonly params: Readonly<Record<P, MailParamValue>>;
  /**
   * When given, a second request with the same key (a retried command, a redelivered event) is
   * ignored once the first one committed. Ids only (`accounts.password-reset:<tokenId>`): never a secret.
   */
  readonly idempotencyKey?: string;
  /** Files attached when the worker sends it (resolved then, so always current). */
  readonly attachments?: readonly MailAttachmentRef[];
}

/**
 * Port: asks for a mail to be sent after the current unit of work commits. The mail is written in the
 * same transaction as the caller's state change, so a rolled-back change sends nothing and a
 * committed one is never lost; the worker sends it later, with retries. Outside a unit of work,
 * `send` opens its own.
 *
 * Throws for an unknown template, missing or unexpected parameters, or an invalid address: these are
 * programming errors (or `KERNEL.INVALID_EMAIL` for the address), caught before anything is stored.
 */
export abstract class MailOutbox {
  abstract send(message: MailMessage): Promise<void>;
}

/** A `MailOutbox` that keeps what it is given, for handler unit tests. */
export class InMemoryMailOutbox extends MailOutbox {
  readonly sent: MailMessage[] = [];

  send(message: MailMessage): Promise<void> {
    if (message.idempotencyKey === undefined || !this.sent.some((sent) => sent.idempotencyKey === message.idempotencyKey)) {
      this.sent.push(message);
    }
    return Promise.resolve();
  }
}
