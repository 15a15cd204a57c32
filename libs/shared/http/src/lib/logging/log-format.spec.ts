import type { IncomingMessage, ServerResponse } from 'node:http';
import { prettyFactory } from 'pino-pretty';
import { PRETTY_OPTIONS, logDestination } from './log-format';
import { httpLoggerOptions, requestLine } from './logger.options';

const format = prettyFactory({ ...PRETTY_OPTIONS, colorize: false });

/** An access line as pino-http writes it, with the request and response objects and their headers. */
const accessLine = {
  level: 30,
  time: '2026-05-04T13:04:05.120Z',
  pid: 4242,
  hostname: 'dev-box',
  requestId: '7f3c0a',
  req: { id: '7f3c0a', method: 'POST', url: '/api/auth/sign-in', headers: { host: 'localhost:3000', accept: 'application/json', 'user-agent': 'x'.repeat(120) } },
  res: { statusCode: 200, headers: { 'content-type': 'application/json', 'x-request-id': '7f3c0a' } },
  responseTime: 12,
  msg: 'POST /api/auth/sign-in 200 12 ms',
};

describe('the pretty log format', () => {
  it('prints a request as one short line: time, level, method, path, status, duration', () => {
    const line = format(accessLine);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(line).toMatch(/^\[?\d\d:\d\d:\d\d\.\d{3}\]? INFO: POST \/api\/auth\/sign-in 200 12 ms\n$/);
    expect(line).not.toContain('user-agent');
    expect(line).not.toContain('7f3c0a');
  });

  it('names the context and keeps other fields on the same line', () => {
    const line = format({ level: 40, time: accessLine.time, pid: 1, hostname: 'h', context: 'Outbox', msg: 'relay slow', batch: 200 });
    expect(line).toMatch(/WARN: \[Outbox\] relay slow {"batch":200}\n$/);
  });

  it('builds the access message from the request, its sensitive query values masked', () => {
    const req = { method: 'GET', url: '/things', originalUrl: '/api/reset?token=abc&lang=fr' } as unknown as IncomingMessage;
    const res = { statusCode: 404 } as ServerResponse;
    expect(requestLine(req, res, 3.4)).toBe('GET /api/reset?token=[REDACTED]&lang=fr 404 3 ms');
    const options = httpLoggerOptions('info', 'pretty');
    expect(options.customSuccessMessage?.(req, res, 7)).toBe('GET /api/reset?token=[REDACTED]&lang=fr 404 7 ms');
    expect(options.customErrorMessage?.(req, { statusCode: 500 } as ServerResponse, new Error('card 4242 4242 4242 4242 refused'))).toBe(
      'GET /api/reset?token=[REDACTED]&lang=fr 500: card [card ****4242] refused',
    );
  });

  it('leaves the JSON format as pino writes it', () => {
    expect(logDestination('json')).toBeUndefined();
    expect(httpLoggerOptions('info', 'json').customSuccessMessage).toBeUndefined();
    expect(httpLoggerOptions('info').customSuccessMessage).toBeUndefined();
  });
});
