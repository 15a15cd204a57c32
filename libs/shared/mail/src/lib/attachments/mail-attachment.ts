import type { MailAttachmentRef } from '@guichet/shared/application';

/** A file ready for the transport. */
export interface MailAttachment {
  /** Shown to the recipient, e.g. `F-2026-000123.pdf`. */
  readonly filename: string;
  /** MIME type, e.g. `application/pdf`. */
  readonly contentType: string;
  readonly content: Uint8Array;
}

/**
 * Finds, when the worker sends a mail, the file behind a `MailAttachmentRef` of one kind. A context
 * declares one per kind and registers it with `MailModule.forFeature(templates, { attachments: [...] })`
 * in the api and the worker (the api checks the kind of a request; the worker resolves it).
 *
 * Throwing (the file is not there yet, a database error) makes BullMQ retry the delivery.
 *
 * ```ts
 * @Injectable()
 * export class InvoicePdfAttachment extends MailAttachmentResolver {
 *   readonly kind = 'billing.invoice-pdf';
 *   constructor(private readonly queries: QueryBus) { super(); }
 *   async resolve(invoiceId: string): Promise<MailAttachment> { ... }
 * }
 * ```
 */
export abstract class MailAttachmentResolver {
  /** `context.what`, the `kind` of the references it resolves. */
  abstract readonly kind: string;
  abstract resolve(ref: string): Promise<MailAttachment>;
}

/** Thrown for an attachment kind nobody registered (in this process). */
export class UnknownMailAttachmentKind extends Error {
  constructor(readonly kind: string) {
    super(`Mail attachment kind "${kind}" has no resolver (MailModule.forFeature(templates, { attachments: [...] }) in the context's module)`);
    this.name = 'UnknownMailAttachmentKind';
  }
}

/** Thrown when the references given with a mail are malformed: a programming error. */
export class InvalidMailAttachments extends TypeError {
  constructor(problem: string) {
    super(`Mail attachments: ${problem}`);
    this.name = 'InvalidMailAttachments';
  }
}

const KIND_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const MAX_MAIL_ATTACHMENTS = 10;
const MAX_REF_LENGTH = 200;

/** Every resolver of the process, by kind. Contexts add theirs with `MailModule.forFeature`. */
export class MailAttachmentRegistry {
  private readonly resolvers = new Map<string, MailAttachmentResolver>();

  constructor(resolvers: readonly MailAttachmentResolver[] = []) {
    this.register(resolvers);
  }

  /** Registering the same resolver again is harmless; another one for a taken kind throws. */
  register(resolvers: readonly MailAttachmentResolver[]): void {
    for (const resolver of resolvers) {
      if (typeof resolver.kind !== 'string' || !KIND_PATTERN.test(resolver.kind)) {
        throw new InvalidMailAttachments(`resolver kind "${String(resolver.kind)}" must look like "context.what" (lower kebab-case)`);
      }
      const existing = this.resolvers.get(resolver.kind);
      if (existing && existing !== resolver) throw new Error(`Two different mail attachment resolvers have the kind "${resolver.kind}"`);
      this.resolvers.set(resolver.kind, resolver);
    }
  }

  /** @throws UnknownMailAttachmentKind */
  get(kind: string): MailAttachmentResolver {
    const resolver = this.resolvers.get(kind);
    if (!resolver) throw new UnknownMailAttachmentKind(kind);
    return resolver;
  }

  kinds(): string[] {
    return [...this.resolvers.keys()].sort();
  }
}

/**
 * Checks the shape of the references of a mail: an array of at most 10 `{ kind, ref }` (nothing
 * else), kinds like `context.what`, refs of 1 to 200 printable characters. Names no ref in errors.
 */
export function checkMailAttachments(attachments: unknown): asserts attachments is readonly MailAttachmentRef[] {
  if (!Array.isArray(attachments)) throw new InvalidMailAttachments('must be an array');
  if (attachments.length > MAX_MAIL_ATTACHMENTS) throw new InvalidMailAttachments(`at most ${MAX_MAIL_ATTACHMENTS} per mail`);
  for (const [index, attachment] of attachments.entries()) {
    if (typeof attachment !== 'object' || attachment === null || Array.isArray(attachment)) {
      throw new InvalidMailAttachments(`item ${index} must be an object { kind, ref }`);
    }
    const keys = Object.keys(attachment).sort();
    if (keys.length !== 2 || keys[0] !== 'kind' || keys[1] !== 'ref') throw new InvalidMailAttachments(`item ${index} must have exactly kind and ref`);
    const { kind, ref } = attachment as Record<string, unknown>;
    if (typeof kind !== 'string' || !KIND_PATTERN.test(kind)) throw new InvalidMailAttachments(`item ${index}: kind must look like "context.what"`);
    // eslint-disable-next-line no-control-regex -- control characters are what we refuse
    if (typeof ref !== 'string' || ref.length === 0 || ref.length > MAX_REF_LENGTH || /[\u0000-\u001f\u007f]/.test(ref)) {
      throw new InvalidMailAttachments(`item ${index}: ref must be 1 to ${MAX_REF_LENGTH} printable characters`);
    }
  }
}

/** Whether `value` is a well-formed list of references (for content read back from storage). */
export function isMailAttachmentRefs(value: unknown): value is readonly MailAttachmentRef[] {
  try {
    checkMailAttachments(value);
    return true;
  } catch {
    return false;
  }
}
