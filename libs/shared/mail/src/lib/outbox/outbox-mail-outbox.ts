import { Injectable, Optional } from '@nestjs/common';
import { MAIL_LANGUAGES, MailOutbox, type MailMessage } from '@guichet/shared/application';
import { Email } from '@guichet/shared/kernel';
import { Outbox } from '@guichet/shared/messaging';
import { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { checkMailAttachments, MailAttachmentRegistry } from '../attachments/mail-attachment';
import { checkMailParams } from '../templates/render-mail';
import { MailTemplateRegistry } from '../templates/mail-template.registry';
import { MailParamsCipher } from './mail-params.cipher';
import { MailRequestedV1, sealedMailAssociatedData } from './mail-requested.event';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * `MailOutbox` on the messaging outbox: `send` checks the message against its template, seals the
 * recipient and the parameters, and writes a `mail.requested.v1` event in the caller's unit of work.
 * The worker's relay queues it on `mail` once the transaction commits; nothing is queued otherwise.
 * Attachment references are checked (shape, and a resolver registered for each kind) and sealed with
 * the parameters; the worker resolves them into files when it sends.
 */
@Injectable()
export class OutboxMailOutbox extends MailOutbox {
  constructor(
    private readonly unitOfWork: TypeOrmUnitOfWork,
    private readonly outbox: Outbox,
    private readonly templates: MailTemplateRegistry,
    private readonly cipher: MailParamsCipher,
    @Optional() private readonly attachmentResolvers: MailAttachmentRegistry = new MailAttachmentRegistry(),
  ) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
    const template = this.templates.get(message.template);
    if (!(MAIL_LANGUAGES as readonly string[]).includes(message.lang)) {
      throw new TypeError(`Mail language must be one of ${MAIL_LANGUAGES.join(', ')}`);
    }
    checkMailParams(template, message.params);
    const to = Email.parse(message.to).value;
    const key = message.idempotencyKey;
    if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw new TypeError(`A mail idempotency key has 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
    }
    const attachments = message.attachments ?? [];
    checkMailAttachments(attachments);
    // Unknown kind: refused here, like an unknown template, before anything is stored.
    for (const attachment of attachments) this.attachmentResolvers.get(attachment.kind);
    const event = MailRequestedV1.create(
      {
        template: template.name,
        lang: message.lang,
        sealed: this.cipher.seal(
          { to, params: message.params, attachments: attachments.map(({ kind, ref }) => ({ kind, ref })) },
          sealedMailAssociatedData(template.name, message.lang),
        ),
      },
      { occurredAt: new Date() },
    );
    await this.unitOfWork.run(async () => {
      if (key !== undefined) {
        // A concurrent request with the same key waits on the primary key, then finds it taken.
        const taken: unknown[] = await this.unitOfWork
          .transactionManager('MailOutbox.send')
          .query(
            `INSERT INTO mail.idempotency_keys (key, template, message_id) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key`,
            [key, template.name, event.messageId],
          );
        if (taken.length === 0) return;
      }
      await this.outbox.add([event]);
    });
  }
}
