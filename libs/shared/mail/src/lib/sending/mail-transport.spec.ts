const sendMail = jest.fn(async () => ({}));
jest.mock('nodemailer', () => ({ createTransport: jest.fn(() => ({ sendMail, close: jest.fn() })) }));

import { SmtpMailTransport } from './mail-transport';

describe('SmtpMailTransport', () => {
  const mail = { lang: 'fr' as const, subject: 'S', text: 'T', html: '<p>H</p>', from: 'a@example.org', to: 'b@example.org', messageId: '<m@guichet>' };

  beforeEach(() => sendMail.mockClear());

  it('hands the attachments to nodemailer as buffers with their name and type', async () => {
    const content = new TextEncoder().encode('%PDF-1.7');
    await new SmtpMailTransport('smtp://127.0.0.1:1025').deliver({ ...mail, attachments: [{ filename: 'F-2026-000001.pdf', contentType: 'application/pdf', content }] });
    const options = (sendMail.mock.calls[0] as unknown[])[0] as { attachments: { filename: string; contentType: string; content: Buffer }[] };
    expect(options.attachments).toHaveLength(1);
    expect(options.attachments[0]).toMatchObject({ filename: 'F-2026-000001.pdf', contentType: 'application/pdf' });
    expect(Buffer.isBuffer(options.attachments[0].content)).toBe(true);
    expect(options.attachments[0].content.toString('latin1')).toBe('%PDF-1.7');
  });

  it('sends no attachment when there is none', async () => {
    await new SmtpMailTransport('smtp://127.0.0.1:1025').deliver(mail);
    expect((sendMail.mock.calls[0] as unknown[])[0]).toMatchObject({ attachments: [], headers: { 'Auto-Submitted': 'auto-generated' } });
  });
});
