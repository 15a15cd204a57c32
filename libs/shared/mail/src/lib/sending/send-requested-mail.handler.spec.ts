import { MailAttachmentRegistry, MailAttachmentResolver, UnknownMailAttachmentKind, type MailAttachment } from '../attachments/mail-attachment';
import { MailRequestedV1, sealedMailAssociatedData } from '../outbox/mail-requested.event';
import { MailParamsCipher } from '../outbox/mail-params.cipher';
import { MailTemplateRegistry, UnknownMailTemplate } from '../templates/mail-template.registry';
import { TestPingMail } from '../templates/test-ping.mail-template';
import { MailTransport, type OutgoingMail } from './mail-transport';
import { MailSenderSettings, SendRequestedMail } from './send-requested-mail.handler';

class RecordingTransport extends MailTransport {
  readonly delivered: OutgoingMail[] = [];
  failWith?: Error;

  async deliver(mail: OutgoingMail): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.delivered.push(mail);
  }
}

const cipher = MailParamsCipher.fromSecret('a-session-secret-of-at-least-32-characters');
const settings = new MailSenderSettings('Guichet <no-reply@guichet.example.org>', 'https://guichet.example.org');

function request(template = 'test.ping', lang: 'fr' | 'en' = 'fr', sealedWith = cipher, attachments?: { kind: string; ref: string }[]) {
  const sealed = sealedWith.seal(
    { to: 'ana@example.org', params: { name: '<Ana>', link: 'https://guichet.example.org/t?x=1' }, attachments },
    sealedMailAssociatedData(template, lang),
  );
  return MailRequestedV1.create({ template, lang, sealed }, { occurredAt: new Date('2026-01-01T12:00:00Z') });
}

describe('SendRequestedMail', () => {
  const setup = () => {
    const transport = new RecordingTransport();
    return { transport, handler: new SendRequestedMail(new MailTemplateRegistry([TestPingMail]), cipher, transport, settings) };
  };

  it('opens, renders in the requested language and delivers with a stable Message-ID', async () => {
    const { transport, handler } = setup();
    const event = request('test.ping', 'en');
    await handler.handle(event);
    expect(transport.delivered).toHaveLength(1);
    const mail = transport.delivered[0];
    expect(mail).toMatchObject({ from: settings.from, to: 'ana@example.org', lang: 'en', subject: 'Test email for <Ana>', messageId: `<${event.messageId}@guichet>` });
    expect(mail.html).toContain('Hello &lt;Ana&gt;,');
    expect(mail.text).toContain('https://guichet.example.org');
  });

  it('fails for good (no retry) when the sealed content cannot be opened', async () => {
    const { transport, handler } = setup();
    const other = MailParamsCipher.fromSecret('another-session-secret-of-32-characters!');
    await expect(handler.handle(request('test.ping', 'fr', other))).rejects.toMatchObject({ name: 'UnrecoverableError' });
    const malformed = MailRequestedV1.create({ template: 'test.ping', lang: 'xx' as 'fr', sealed: 'v1' }, { occurredAt: new Date() });
    await expect(handler.handle(malformed)).rejects.toMatchObject({ name: 'UnrecoverableError' });
    expect(transport.delivered).toEqual([]);
  });

  it('lets BullMQ retry an unknown template and a mail server failure', async () => {
    const { transport, handler } = setup();
    await expect(handler.handle(request('accounts.not-yet'))).rejects.toThrow(UnknownMailTemplate);
    transport.failWith = new Error('421 try again later');
    await expect(handler.handle(request())).rejects.toThrow('421 try again later');
  });

  describe('attachments', () => {
    class InvoicePdf extends MailAttachmentResolver {
      readonly kind = 'test.invoice-pdf';
      readonly asked: string[] = [];
      failWith?: Error;
      async resolve(ref: string): Promise<MailAttachment> {
        this.asked.push(ref);
        if (this.failWith) throw this.failWith;
        return { filename: `${ref}.pdf`, contentType: 'application/pdf', content: new TextEncoder().encode(`%PDF-${ref}`) };
      }
    }
    const withResolver = () => {
      const transport = new RecordingTransport();
      const resolver = new InvoicePdf();
      const handler = new SendRequestedMail(new MailTemplateRegistry([TestPingMail]), cipher, transport, settings, new MailAttachmentRegistry([resolver]));
      return { transport, resolver, handler };
    };

    it('resolves each reference at send time and hands the files to the transport, in order', async () => {
      const { transport, resolver, handler } = withResolver();
      await handler.handle(request('test.ping', 'fr', cipher, [{ kind: 'test.invoice-pdf', ref: 'F-1' }, { kind: 'test.invoice-pdf', ref: 'F-2' }]));
      expect(resolver.asked).toEqual(['F-1', 'F-2']);
      const files = transport.delivered[0].attachments ?? [];
      expect(files.map((file) => [file.filename, file.contentType, new TextDecoder().decode(file.content)])).toEqual([
        ['F-1.pdf', 'application/pdf', '%PDF-F-1'],
        ['F-2.pdf', 'application/pdf', '%PDF-F-2'],
      ]);
    });

    it('sends no attachment field for a mail without references', async () => {
      const { transport, handler } = withResolver();
      await handler.handle(request());
      expect(transport.delivered[0]).not.toHaveProperty('attachments');
    });

    it('lets BullMQ retry an unknown kind or a failing resolver, and delivers nothing', async () => {
      const { transport, resolver, handler } = withResolver();
      const unknown = handler.handle(request('test.ping', 'fr', cipher, [{ kind: 'test.unknown-kind', ref: 'x' }]));
      await expect(unknown).rejects.toThrow(UnknownMailAttachmentKind);
      await expect(unknown).rejects.not.toMatchObject({ name: 'UnrecoverableError' });
      resolver.failWith = new Error('invoice not readable yet');
      await expect(handler.handle(request('test.ping', 'fr', cipher, [{ kind: 'test.invoice-pdf', ref: 'F-1' }]))).rejects.toThrow('invoice not readable yet');
      expect(transport.delivered).toEqual([]);
    });
  });
});
