import { MAIL_LANGUAGES, type MailLanguage } from '@guichet/shared/application';
import { defineIntegrationEvent, type IntegrationEventEnvelope } from '@guichet/shared/kernel';

/**
 * Written to the outbox by `MailOutbox.send`, in the caller's transaction. The recipient and the
 * parameters are sealed (see `MailParamsCipher`); only the template and the language are readable.
 */
export type MailRequestedV1 = {
  template: string;
  lang: MailLanguage;
  /** `MailParamsCipher.seal({ to, params }, associatedData(template, lang))`. */
  sealed: string;
};
export const MailRequestedV1 = defineIntegrationEvent<MailRequestedV1, 'mail.requested.v1'>('mail.requested.v1');

/** The consumer name of the mail sender, hence the BullMQ queue that carries mail: `mail`. */
export const MAIL_QUEUE = 'mail';

/** What the sealed text is bound to. */
export function sealedMailAssociatedData(template: string, lang: MailLanguage): string {
  return `mail.requested.v1|${template}|${lang}`;
}

export function isMailRequestedPayload(payload: unknown): payload is MailRequestedV1 {
  if (typeof payload !== 'object' || payload === null) return false;
  const { template, lang, sealed } = payload as Record<string, unknown>;
  return typeof template === 'string' && typeof sealed === 'string' && (MAIL_LANGUAGES as readonly unknown[]).includes(lang);
}

export type MailRequestedEnvelope = IntegrationEventEnvelope<MailRequestedV1, 'mail.requested.v1'>;
