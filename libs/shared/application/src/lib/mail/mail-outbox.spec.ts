import { InMemoryMailOutbox, MailOutbox, type MailMessage } from './mail-outbox';

describe('InMemoryMailOutbox', () => {
  const ping = (to: string, idempotencyKey?: string): MailMessage => ({ to, lang: 'fr', template: 'test.ping', params: { name: 'Ana' }, idempotencyKey });

  it('is a MailOutbox that keeps every message in order', async () => {
    const outbox: MailOutbox = new InMemoryMailOutbox();
    await outbox.send(ping('a@example.org'));
    await outbox.send(ping('b@example.org'));
    expect((outbox as InMemoryMailOutbox).sent.map((message) => message.to)).toEqual(['a@example.org', 'b@example.org']);
  });

  it('keeps one message per idempotency key, like the real adapter', async () => {
    const outbox = new InMemoryMailOutbox();
    await outbox.send(ping('a@example.org', 'k-1'));
    await outbox.send(ping('a@example.org', 'k-1'));
    await outbox.send(ping('a@example.org', 'k-2'));
    expect(outbox.sent.map((message) => message.idempotencyKey)).toEqual(['k-1', 'k-2']);
  });
});
