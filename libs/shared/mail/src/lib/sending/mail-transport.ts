import type { OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailAttachment } from '../attachments/mail-attachment';
import type { RenderedMail } from '../templates/render-mail';

/** A rendered mail with its envelope. */
export interface OutgoingMail extends RenderedMail {
  readonly from: string;
  readonly to: string;
  /** `Message-ID` header; a retried delivery keeps it, so mail clients can fold the repeat. */
  readonly messageId: string;
  /** Files resolved from the request's attachment references, in their order. */
  readonly attachments?: readonly MailAttachment[];
}

/** Port of the worker: hands a mail to the mail server. Throws when the server refuses it or is down. */
export abstract class MailTransport {
  abstract deliver(mail: OutgoingMail): Promise<void>;
}

/** SMTP through nodemailer, to `SMTP_URL` (e.g. `smtps://user:pass@host:465`, `smtp://127.0.0.1:1025`). */
export class SmtpMailTransport extends MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    super();
    this.transporter = createTransport(smtpUrl);
  }

  async deliver(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      attachments: (mail.attachments ?? []).map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
      })),
      headers: {
        'Content-Language': mail.lang === 'fr' ? 'fr-CA' : 'en-CA',
        // RFC 3834: automatic mail; well-behaved auto-responders stay quiet.
        'Auto-Submitted': 'auto-generated',
      },
    });
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
