import { Writable } from 'node:stream';
import pino from 'pino';
import { maskCardNumbers, maskSensitiveText } from './sensitive-text.mask';
import { loggerOptions, maskUrl } from './logger.options';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger options', () => {
  it('redacts passwords, tokens, secrets, card data and auth headers, at any of three depths', () => {
    const { stream, lines } = capture();
    const logger = pino(loggerOptions('info'), stream);
    logger.info(
      {
        password: 'p1',
        body: { newPassword: 'p2', token: 't1', cardNumber: '4242424242424242', cvc: '123', name: 'Léa' },
        req: { headers: { authorization: 'Bearer xyz', cookie: 'sid=1', accept: 'text/html' } },
        payment: { card: { card_number: '4000056655665556' } },
        config: { secret: 's1' },
      },
      'hello',
    );
    const [line] = lines();
    const text = JSON.stringify(line);
    for (const leaked of ['p1', 'p2', 't1', '4242424242424242', '123"', 'Bearer xyz', 'sid=1', '4000056655665556', 's1"']) {
      expect(text).not.toContain(leaked);
    }
    expect(text).toContain('Léa');
    expect(text).toContain('text/html');
    expect(line['password']).toBe('[REDACTED]');
  });

  it('masks card numbers in messages and error texts', () => {
    const { stream, lines } = capture();
    const logger = pino(loggerOptions('info'), stream);
    logger.error({ err: new Error('duplicate key (card)=(4242 4242 4242 4242)') }, 'charge of 4242-4242-4242-4242 failed');
    const [line] = lines();
    expect(JSON.stringify(line)).not.toMatch(/4242[ -]?4242[ -]?4242/);
    expect(line['msg']).toBe('charge of [card ****4242] failed');
  });

  it('masks passwords written into URLs', () => {
    expect(maskSensitiveText('connect postgres://guichet:hunter2@db:5432/x failed')).toBe('connect postgres://guichet:[REDACTED]@db:5432/x failed');
    expect(maskSensitiveText('see https://example.org/a@b')).toBe('see https://example.org/a@b');
  });

  it('leaves ordinary numbers alone', () => {
    expect(maskCardNumbers('order 1234567890123 of 2025')).toBe('order 1234567890123 of 2025');
    expect(maskCardNumbers('phone 514-555-1234')).toBe('phone 514-555-1234');
  });

  it('masks sensitive query parameters in URLs', () => {
    expect(maskUrl('/api/reset?token=abc&lang=fr&accessCode=9')).toBe('/api/reset?token=[REDACTED]&lang=fr&accessCode=[REDACTED]');
    expect(maskUrl('/api/things')).toBe('/api/things');
    expect(maskUrl('/api/x?%E0%A4%A=1&token=abc')).toBe('/api/x?%E0%A4%A=1&token=[REDACTED]');
  });

  it('honours the level', () => {
    const { stream, lines } = capture();
    const logger = pino(loggerOptions('warn'), stream);
    logger.info('quiet');
    logger.warn('loud');
    expect(lines().map((l) => l['msg'])).toEqual(['loud']);
  });
});
