import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LogFormat, LogLevel } from '@guichet/shared/config';
import pino, { type LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { requestIdOf, resolveRequestId } from '../request-id/request-id.middleware';
import { maskSensitiveText } from './sensitive-text.mask';

export const REDACTED = '[REDACTED]';

/** Keys whose values never reach a log line, wherever they appear (up to three levels deep). */
const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordConfirmation',
  'token',
  'accessToken',
  'refreshToken',
  'resetToken',
  'idToken',
  'secret',
  'clientSecret',
  'sessionSecret',
  'apiKey',
  'authorization',
  'cookie',
  'cardNumber',
  'card_number',
  'pan',
  'cvc',
  'cvv',
];

/** pino `redact` paths: the sensitive keys at the root and one or two levels down, plus HTTP headers. */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** Query parameters whose values are masked in logged URLs. */
const SENSITIVE_QUERY = /^(.*(pass|token|secret|key|card|cvc|cvv|signature|code).*)$/i;

/** The URL with the values of sensitive query parameters masked. */
export function maskUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const params = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=');
      return SENSITIVE_QUERY.test(decodeLeniently(name)) && pair.includes('=') ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, start)}?${params.join('&')}`;
}

/** Any client can send `%E0`: a serializer that throws turns the request into a 500. */
function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface SerializedRequest {
  url?: string;
  query?: Record<string, unknown>;
  [key: string]: unknown;
}

interface SerializedError {
  message?: string;
  stack?: string;
  [key: string]: unknown;
}

/**
 * Options of the JSON logger shared by the API and the worker: level, redaction, ISO timestamps, and
 * card numbers and URL passwords masked in messages and error texts.
 */
export function loggerOptions(level: LogLevel): LoggerOptions {
  return {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
    serializers: {
      err: (err: Error) => {
        const serialized = pino.stdSerializers.err(err) as SerializedError;
        return {
          ...serialized,
          message: serialized.message === undefined ? undefined : maskSensitiveText(serialized.message),
          stack: serialized.stack === undefined ? undefined : maskSensitiveText(serialized.stack),
        };
      },
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg: unknown) => (typeof arg === 'string' ? maskSensitiveText(arg) : arg));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}

/** Requests that are not worth an access log line (probes and scrapes). */
const QUIET_PATHS = /^\/api\/(health|metrics)(\/|\?|$)/;

interface LoggedRequest extends IncomingMessage {
  /** Express keeps the URL as received here; `url` may be rewritten by routers. */
  originalUrl?: string;
}

/** `GET /api/things?token=[REDACTED] 200 12 ms`: a request's access line in the `pretty` format. */
export function requestLine(req: LoggedRequest, res: ServerResponse, responseTime?: number): string {
  const url = maskUrl(req.originalUrl ?? req.url ?? '');
  return `${req.method ?? '?'} ${url} ${res.statusCode}${responseTime === undefined ? '' : ` ${Math.round(responseTime)} ms`}`;
}

/**
 * pino-http options of the API: the request id from `requestIdMiddleware` as `requestId` on every line
 * logged during the request, one access line per response, sensitive values redacted. In the `pretty`
 * format the access line's message is the request itself (`requestLine`); the JSON lines keep pino-http's
 * own messages.
 */
export function httpLoggerOptions(level: LogLevel, format: LogFormat = 'json'): PinoHttpOptions {
  return {
    ...(format === 'pretty'
      ? {
          customSuccessMessage: (req: IncomingMessage, res: ServerResponse, responseTime: number) => requestLine(req, res, responseTime),
          customErrorMessage: (req: IncomingMessage, res: ServerResponse, error: Error) => `${requestLine(req, res)}: ${maskSensitiveText(error.message)}`,
        }
      : {}),
    ...loggerOptions(level),
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req);
      if (id) return id;
      const created = resolveRequestId(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', created);
      return created;
    },
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => QUIET_PATHS.test(req.url ?? '') },
    serializers: {
      ...loggerOptions(level).serializers,
      req: (req: SerializedRequest) => ({ ...req, url: req.url === undefined ? undefined : maskUrl(req.url), query: undefined }),
    },
  };
}
