import { InvalidEmail, isUuidV7, type IntegrationEventEnvelope } from '@guichet/shared/kernel';
import type { Outbox, OutgoingEvent } from '@guichet/shared/messaging';
import type { TypeOrmUnitOfWork } from '@guichet/shared/persistence';
import { InvalidMailAttachments, MailAttachmentRegistry, MailAttachmentResolver, UnknownMailAttachmentKind } from '../attachments/mail-attachment';
import { MailTemplateRegistry, UnknownMailTemplate } from '../templates/mail-template.registry';
import { InvalidMailParams } from '../templates/render-mail';
import { TestPingMail } from '../templates/test-ping.mail-template';
import { MailParamsCipher } from './mail-params.cipher';
import { sealedMailAssociatedData } from './mail-requested.event';
import { OutboxMailOutbox } from './outbox-mail-outbox';

const cipher = MailParamsCipher.fromSecret('a-session-secret-of-at-least-32-characters');
const params = { name: 'Ana', link: 'https://x.example.org/reset?token=s3cr3t' };

/** A unit of work and an outbox in memory; `takenKeys` plays the unique key of mail.idempotency_keys. */
function setup() {
  const added: OutgoingEvent[] = [];
  const takenKeys = new Set<string>();
  const queries: unknown[][] = [];
  const manager = {
    query: async (_sql: string, values: unknown[]) => {
      queries.push(values);
      const key = values[0] as string;
      if (takenKeys.has(key)) return [];
      takenKeys.add(key);
      return [{ key }];
    },
  };
  const unitOfWork = { run: <T>(work: () => Promise<T>) => work(), transactionManager: () => manager } as unknown as TypeOrmUnitOfWork;
  const outbox = { add: async (events: readonly OutgoingEvent[]) => void added.push(...events) } as unknown as Outbox;
  const pdf = new (class extends MailAttachmentResolver {
    readonly kind = 'test.invoice-pdf';
    resolve(): never {
      throw new Error('the api never resolves');
    }
  })();
  const mailOutbox = new OutboxMailOutbox(unitOfWork, outbox, new MailTemplateRegistry([TestPingMail]), cipher, new MailAttachmentRegistry([pdf]));
  return { mailOutbox, added, queries };
}

describe('OutboxMailOutbox', () => {
  it('writes one mail.requested.v1 event with the recipient and the parameters sealed', async () => {
    const { mailOutbox, added } = setup();
    await mailOutbox.send({ to: ' Ana@Example.org ', lang: 'en', template: 'test.ping', params });
    expect(added).toHaveLength(1);
    const event = added[0] as IntegrationEventEnvelope;
    expect(event.eventName).toBe('mail.requested.v1');
    expect(isUuidV7(event.messageId)).toBe(true);
    expect(event.payload).toEqual({ template: 'test.ping', lang: 'en', sealed: expect.any(String) });
    expect(JSON.stringify(event)).not.toMatch(/s3cr3t|example\.org|Ana/i);
    expect(cipher.open(event.payload['sealed'] as string, sealedMailAssociatedData('test.ping', 'en'))).toEqual({ to: 'ana@example.org', params });
  });

  it('takes an idempotency key once and skips the repeat', async () => {
    const { mailOutbox, added, queries } = setup();
    await mailOutbox.send({ to: 'ana@example.org', lang: 'fr', template: 'test.ping', params, idempotencyKey: 'k-1' });
    await mailOutbox.send({ to: 'ana@example.org', lang: 'fr', template: 'test.ping', params, idempotencyKey: 'k-1' });
    await mailOutbox.send({ to: 'ana@example.org', lang: 'fr', template: 'test.ping', params, idempotencyKey: 'k-2' });
    expect(added).toHaveLength(2);
    expect(queries.map((values) => values[0])).toEqual(['k-1', 'k-1', 'k-2']);
    expect(queries[0][2]).toBe((added[0] as IntegrationEventEnvelope).messageId);
  });

  it('refuses, before writing anything, an unknown template, wrong parameters, a bad address, language or key', async () => {
    const { mailOutbox, added } = setup();
    const base = { to: 'ana@example.org', lang: 'fr' as const, template: 'test.ping', params };
    await expect(mailOutbox.send({ ...base, template: 'accounts.nope' })).rejects.toThrow(UnknownMailTemplate);
    await expect(mailOutbox.send({ ...base, params: { name: 'Ana' } })).rejects.toThrow(InvalidMailParams);
    await expect(mailOutbox.send({ ...base, params: { ...params, link: 'javascript:alert(1)' } })).rejects.toThrow(InvalidMailParams);
    await expect(mailOutbox.send({ ...base, to: 'not-an-address' })).rejects.toThrow(InvalidEmail);
    await expect(mailOutbox.send({ ...base, lang: 'de' as 'fr' })).rejects.toThrow('Mail language must be one of fr, en');
    await expect(mailOutbox.send({ ...base, idempotencyKey: '' })).rejects.toThrow('idempotency key');
    await expect(mailOutbox.send({ ...base, idempotencyKey: 'k'.repeat(201) })).rejects.toThrow('idempotency key');
    expect(added).toEqual([]);
  });

  it('seals the attachment references, and refuses an unknown kind or a malformed list before writing', async () => {
    const { mailOutbox, added } = setup();
    const base = { to: 'ana@example.org', lang: 'fr' as const, template: 'test.ping', params };
    await mailOutbox.send({ ...base, attachments: [{ kind: 'test.invoice-pdf', ref: 'inv-77' }] });
    const event = added[0] as IntegrationEventEnvelope;
    expect(JSON.stringify(event)).not.toContain('inv-77');
    expect(cipher.open(event.payload['sealed'] as string, sealedMailAssociatedData('test.ping', 'fr'))).toEqual({
      to: 'ana@example.org',
      params,
      attachments: [{ kind: 'test.invoice-pdf', ref: 'inv-77' }],
    });
    await expect(mailOutbox.send({ ...base, attachments: [{ kind: 'test.nobody', ref: 'x' }] })).rejects.toThrow(UnknownMailAttachmentKind);
    await expect(mailOutbox.send({ ...base, attachments: [{ kind: 'test.invoice-pdf', ref: '' }] })).rejects.toThrow(InvalidMailAttachments);
    expect(added).toHaveLength(1);
  });
});
