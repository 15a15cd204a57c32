import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** What body-parser (through http-errors) throws for a body it refuses before any route runs. */
export interface BodyParserError extends Error {
  /** e.g. `entity.parse.failed`, `entity.too.large`, `charset.unsupported`. */
  readonly type: string;
  readonly status: number;
  /** Byte limit, on `entity.too.large`. */
  readonly limit?: number;
}

export function isBodyParserError(error: unknown): error is BodyParserError {
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<BodyParserError>;
  return typeof candidate.type === 'string' && typeof candidate.status === 'number';
}

/**
 * A request body refused by the body parser (malformed JSON, too large, unsupported charset...). Keeps
 * the parser's reason, which Nest would otherwise reduce to a bare 400 for malformed JSON.
 */
export class RequestBodyRefusedException extends HttpException {
  constructor(
    readonly reason: string,
    status: number,
    readonly limit?: number,
  ) {
    super(`Request body refused: ${reason}`, status);
  }
}

/**
 * Express error middleware placed right after the body parsers: turns their client errors into
 * `RequestBodyRefusedException` for the problem+json filter.
 */
export function bodyParserErrorBridge(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
    next(new RequestBodyRefusedException(error.type, error.status, error.limit));
    return;
  }
  next(error);
}
