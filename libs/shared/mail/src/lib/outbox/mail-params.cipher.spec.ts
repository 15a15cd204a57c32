import { MailParamsCipher, UnreadableMailContent } from './mail-params.cipher';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const content = { to: 'ana@example.org', params: { name: 'Ana', link: 'https://x.example.org/reset?token=s3cr3t-t0ken', n: 3 } };

describe('MailParamsCipher', () => {
  const cipher = MailParamsCipher.fromSecret(SECRET);

  it('opens what it sealed, with the same associated data', () => {
    const sealed = cipher.seal(content, 'test.ping|fr');
    expect(cipher.open(sealed, 'test.ping|fr')).toEqual(content);
  });

  it('leaves nothing readable: no recipient, no token', () => {
    const sealed = cipher.seal(content, 'test.ping|fr');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    for (const clear of ['ana@example.org', 's3cr3t-t0ken', 'Ana']) {
      expect(sealed).not.toContain(clear);
      expect(Buffer.from(sealed.split('.')[2], 'base64url').toString('latin1')).not.toContain(clear);
    }
  });

  it('seals the same content differently each time (random nonce)', () => {
    expect(cipher.seal(content, 'a')).not.toBe(cipher.seal(content, 'a'));
  });

  it('refuses other associated data, another key, tampering and garbage', () => {
    const sealed = cipher.seal(content, 'test.ping|fr');
    expect(() => cipher.open(sealed, 'test.ping|en')).toThrow(UnreadableMailContent);
    expect(() => MailParamsCipher.fromSecret(`${SECRET}-rotated`).open(sealed, 'test.ping|fr')).toThrow(UnreadableMailContent);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2], 'base64url');
    body[0] ^= 1;
    const tampered = [parts[0], parts[1], body.toString('base64url'), parts[3]].join('.');
    expect(() => cipher.open(tampered, 'test.ping|fr')).toThrow(UnreadableMailContent);
    for (const garbage of ['', 'v1.a.b', 'v2.a.b.c', 'v1.AAAA.AAAA.AAAA']) {
      expect(() => cipher.open(garbage, 'test.ping|fr')).toThrow(UnreadableMailContent);
    }
  });

  it('needs a secret of at least 32 characters', () => {
    expect(() => MailParamsCipher.fromSecret('short')).toThrow('at least 32 characters');
  });

  it('seals attachment references with the rest, and opens content sealed without them', () => {
    const withFiles = { ...content, attachments: [{ kind: 'billing.invoice-pdf', ref: 'inv-42' }] };
    const sealed = cipher.seal(withFiles, 'test.ping|fr');
    expect(Buffer.from(sealed.split('.')[2], 'base64url').toString('latin1')).not.toContain('inv-42');
    expect(cipher.open(sealed, 'test.ping|fr')).toEqual(withFiles);
    expect(cipher.open(cipher.seal({ ...content, attachments: [] }, 'a'), 'a')).toEqual(content);
  });
});
