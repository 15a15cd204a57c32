import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { MailAttachmentRef, MailParamValue } from '@guichet/shared/application';
import { isMailAttachmentRefs } from '../attachments/mail-attachment';

/** What is sealed: the recipient, the parameters (links with tokens, names) and the attachment references. */
export interface SealedMailContent {
  readonly to: string;
  readonly params: Readonly<Record<string, MailParamValue>>;
  /** Absent when the mail has none (and in requests sealed before attachments existed). */
  readonly attachments?: readonly MailAttachmentRef[];
}

/** The sealed text cannot be opened: wrong key (the secret changed), tampering, or not ours. */
export class UnreadableMailContent extends Error {
  constructor() {
    super('The sealed mail content cannot be opened (was SESSION_SECRET changed?)');
    this.name = 'UnreadableMailContent';
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM over the recipient and the parameters of a requested mail, so the outbox row and the
 * queued job never hold a reset link or an address in clear. The key is derived (HKDF-SHA256) from
 * `SESSION_SECRET` with a label of its own, so it differs from any other key taken from that secret.
 * The associated data binds the sealed text to its template and language.
 */
export class MailParamsCipher {
  private constructor(private readonly key: Buffer) {}

  static fromSecret(secret: string): MailParamsCipher {
    if (secret.length < 32) throw new Error('The mail parameters key needs a secret of at least 32 characters');
    return new MailParamsCipher(Buffer.from(hkdfSync('sha256', secret, 'guichet', 'guichet/mail-params/v1', 32)));
  }

  seal(content: SealedMailContent, associatedData: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const sealed =
      content.attachments && content.attachments.length > 0
        ? { to: content.to, params: content.params, attachments: content.attachments }
        : { to: content.to, params: content.params };
    const body = Buffer.concat([cipher.update(JSON.stringify(sealed), 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** @throws UnreadableMailContent */
  open(sealed: string, associatedData: string): SealedMailContent {
    const parts = typeof sealed === 'string' ? sealed.split('.') : [];
    if (parts.length !== 4 || parts[0] !== VERSION) throw new UnreadableMailContent();
    const [, iv, body, tag] = parts.map((part) => Buffer.from(part, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new UnreadableMailContent();
    let json: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      json = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new UnreadableMailContent();
    }
    const content: unknown = JSON.parse(json);
    if (!isSealedMailContent(content)) throw new UnreadableMailContent();
    return content;
  }
}

function isSealedMailContent(value: unknown): value is SealedMailContent {
  if (typeof value !== 'object' || value === null) return false;
  const { to, params, attachments } = value as Record<string, unknown>;
  const paramsOk = typeof params === 'object' && params !== null && !Array.isArray(params);
  return typeof to === 'string' && paramsOk && (attachments === undefined || isMailAttachmentRefs(attachments));
}
