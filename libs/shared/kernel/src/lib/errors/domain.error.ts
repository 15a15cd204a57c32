/** Languages every user-facing message exists in; French is the default. */
export type Lang = 'fr' | 'en';

export const DEFAULT_LANG: Lang = 'fr';

/** What went wrong, from the caller's point of view. The HTTP filter maps it to 404, 403, 409 or 422. */
export type DomainErrorKind = 'not-found' | 'forbidden' | 'conflict' | 'invalid';

export interface LocalizedMessages {
  readonly fr: string;
  readonly en: string;
}

/**
 * Extra facts for the client (the field name, a limit...). Plain values only, so they can go into
 * problem+json as is; never put a secret or the raw personal value here.
 */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

/** A stable error code: upper-snake segments joined by dots, e.g. `KERNEL.INVALID_EMAIL`. */
export const DOMAIN_ERROR_CODE_PATTERN = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)+$/;

/**
 * A broken business rule, thrown by value objects and aggregates.
 *
 * Subclasses set `code` (stable: clients and tests rely on it) and `kind`, and pass both messages.
 * `Error.message` is the French one, so logs and unhandled errors read in the default language;
 * {@link DomainError.messageIn} gives the message in the requested language.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  readonly messages: LocalizedMessages;
  readonly details: ErrorDetails | undefined;

  protected constructor(messages: LocalizedMessages, details?: ErrorDetails) {
    super(messages.fr);
    this.name = new.target.name;
    this.messages = Object.freeze({ fr: messages.fr, en: messages.en });
    this.details = details === undefined ? undefined : Object.freeze({ ...details });
  }

  /**
   * The message in `lang` (`'fr'` or `'en'`); French for any other value. Not named `message(lang)`
   * because `Error.message` is already the French string.
   */
  messageIn(lang: string = DEFAULT_LANG): string {
    return lang === 'en' ? this.messages.en : this.messages.fr;
  }

  /** Serializable view for logs: code, kind, French message and details; never the stack. */
  toJSON(): { code: string; kind: DomainErrorKind; message: string; details?: ErrorDetails } {
    return this.details === undefined
      ? { code: this.code, kind: this.kind, message: this.message }
      : { code: this.code, kind: this.kind, message: this.message, details: this.details };
  }
}

/** Type guard that also works across module copies (it checks the shape, not only the prototype). */
export function isDomainError(error: unknown): error is DomainError {
  if (error instanceof DomainError) return true;
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<DomainError>;
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.kind === 'string' &&
    ['not-found', 'forbidden', 'conflict', 'invalid'].includes(candidate.kind) &&
    typeof candidate.messages?.fr === 'string' &&
    typeof candidate.messages?.en === 'string' &&
    typeof candidate.messageIn === 'function'
  );
}
