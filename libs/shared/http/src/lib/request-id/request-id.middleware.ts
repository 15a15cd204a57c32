import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Accepted from clients and proxies: short, printable, no spaces, so it is safe in headers and logs. */
const VALID_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The incoming request id when it is well formed, a new UUID otherwise. */
export function resolveRequestId(incoming: string | readonly string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : (incoming as string | undefined);
  return candidate !== undefined && VALID_REQUEST_ID.test(candidate) ? candidate : randomUUID();
}

/** The id given to the request by `requestIdMiddleware` (empty if the middleware did not run). */
export function requestIdOf(req: IncomingMessage): string {
  const id = (req as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}

/**
 * Gives every request an id (`req.id`, read by pino-http) and echoes it in the `X-Request-Id` response
 * header. Installed first, so even a request refused by the body parser has one.
 */
export function requestIdMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const id = resolveRequestId(req.headers['x-request-id']);
  (req as IncomingMessage & { id: string }).id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}
