import { Logger, Optional } from '@nestjs/common';
import { IntegrationEventHandler, type HandlesIntegrationEvent } from '@guichet/shared/application';
import type { IntegrationEventEnvelope } from '@guichet/shared/kernel';
import { UnrecoverableError } from 'bullmq';
import { MailAttachmentRegistry, type MailAttachment } from '../attachments/mail-attachment';
import { MailParamsCipher, UnreadableMailContent } from '../outbox/mail-params.cipher';
import { isMailRequestedPayload, MAIL_QUEUE, sealedMailAssociatedData, type MailRequestedV1 } from '../outbox/mail-requested.event';
import { MailTemplateRegistry } from '../templates/mail-template.registry';
import { renderMail } from '../templates/render-mail';
import { MailTransport } from './mail-transport';

/** What the sender needs from the settings. */
export class MailSenderSettings {
  constructor(
    /** `MAIL_FROM`. */
    readonly from: string,
    /** `PUBLIC_URL`, given to every template as `{{publicUrl}}`. */
    readonly publicUrl: string,
  ) {}
}

/**
 * The worker's mail sender, consumer `mail` (hence queue `mail`). The inbox makes a redelivered
 * request a no-op; a failed delivery throws, and BullMQ retries with backoff, then keeps the job
 * (its data is sealed). Logs name the message and the template, never the recipient or the values.
 * Attachments are resolved now, by the resolver registered for their kind; an unknown kind or a
 * resolver that throws is retried like a mail server failure.
 */
@IntegrationEventHandler('mail.requested.v1', { consumer: MAIL_QUEUE })
export class SendRequestedMail implements HandlesIntegrationEvent<MailRequestedV1> {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly templates: MailTemplateRegistry,
    private readonly cipher: MailParamsCipher,
    private readonly transport: MailTransport,
    private readonly settings: MailSenderSettings,
    @Optional() private readonly attachmentResolvers: MailAttachmentRegistry = new MailAttachmentRegistry(),
  ) {}

  async handle(event: IntegrationEventEnvelope<MailRequestedV1>): Promise<void> {
    const payload: unknown = event.payload;
    if (!isMailRequestedPayload(payload)) throw new UnrecoverableError(`Mail request ${event.messageId} is malformed`);
    let content;
    try {
      content = this.cipher.open(payload.sealed, sealedMailAssociatedData(payload.template, payload.lang));
    } catch (error) {
      // Retrying cannot open it: fail at once; the job stays in the failed set.
      if (error instanceof UnreadableMailContent) throw new UnrecoverableError(`Mail request ${event.messageId}: ${error.message}`);
      throw error;
    }
    // Unknown template: retried, since a worker older than the api may be the one running.
    const template = this.templates.get(payload.template);
    const rendered = renderMail(template, payload.lang, content.params, { publicUrl: this.settings.publicUrl });
    // Unknown kind: retried too (a worker older than the api); a resolver's failure as well.
    const attachments: MailAttachment[] = [];
    for (const attachment of content.attachments ?? []) {
      attachments.push(await this.attachmentResolvers.get(attachment.kind).resolve(attachment.ref));
    }
    await this.transport.deliver({
      ...rendered,
      from: this.settings.from,
      to: content.to,
      messageId: `<${event.messageId}@guichet>`,
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    const attached = attachments.length > 0 ? ` with ${attachments.length} attachment(s)` : '';
    this.logger.log(`Mail ${event.messageId} (${payload.template}, ${payload.lang}) handed to the mail server${attached}`);
  }
}
