import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdMiddleware, requestIdOf, resolveRequestId } from './request-id.middleware';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('keeps a well-formed incoming id', () => {
    expect(resolveRequestId('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(resolveRequestId(['first-id', 'second'])).toBe('first-id');
  });

  it.each([undefined, '', ' spaced id', 'a'.repeat(129), 'bad\nnewline', '<script>', '-leading-dash'])(
    'replaces %p with a new UUID',
    (incoming) => {
      expect(resolveRequestId(incoming)).toMatch(UUID);
    },
  );

  it('sets req.id and echoes it in X-Request-Id', () => {
    const req = { headers: { 'x-request-id': 'client-7' } } as unknown as IncomingMessage;
    const headers: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
    const next = jest.fn();
    requestIdMiddleware(req, res, next);
    expect(requestIdOf(req)).toBe('client-7');
    expect(headers['X-Request-Id']).toBe('client-7');
    expect(next).toHaveBeenCalledTimes(1);
  });
});
