import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { isDomainError, type DomainErrorKind, type Lang } from '@guichet/shared/kernel';
import type { Request, Response } from 'express';
import type { PinoLogger } from 'nestjs-pino';
import { negotiateLanguage } from '../i18n/accept-language';
import { HTTP_PROBLEMS, statusText } from '../i18n/problem-messages';
import { translateViolation } from '../i18n/validation-messages';
import { requestIdOf } from '../request-id/request-id.middleware';
import { PROBLEM_JSON, problemType, type ProblemDetails } from './problem-details';
import { RequestBodyRefusedException, isBodyParserError } from './request-body-refused.exception';
import { RequestValidationException } from './request-validation.exception';

/** The logging the filter needs (a `PinoLogger` in the application). */
export type ProblemLogger = Pick<PinoLogger, 'error' | 'warn' | 'debug'>;

export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
};

export interface ProblemContext {
  readonly lang: Lang;
  /** Request path without query string. */
  readonly instance: string;
  readonly requestId: string;
}

function problem(status: number, code: string, detail: string, ctx: ProblemContext): ProblemDetails {
  return {
    type: problemType(code),
    title: statusText(status).title[ctx.lang],
    status,
    detail,
    instance: ctx.instance,
    code,
    requestId: ctx.requestId,
  };
}

function genericProblem(status: number, ctx: ProblemContext): ProblemDetails {
  const text = statusText(status);
  return problem(status, text.code, text.detail[ctx.lang], ctx);
}

interface BodyRefusal {
  readonly reason: string;
  readonly status: number;
  readonly limit?: number;
}

/** A client error of the body parser, bridged (`RequestBodyRefusedException`) or raw. */
function asBodyRefusal(exception: unknown): BodyRefusal | undefined {
  if (exception instanceof RequestBodyRefusedException) {
    return { reason: exception.reason, status: exception.getStatus(), limit: exception.limit };
  }
  if (isBodyParserError(exception) && exception.status >= 400 && exception.status < 500) {
    return { reason: exception.type, status: exception.status, limit: exception.limit };
  }
  return undefined;
}

/** `102400` gives `100 ko` / `100 KB`: limits are configured in kilobytes or megabytes. */
function formatSize(bytes: number, lang: Lang): string {
  const [value, unit] = bytes % (1024 * 1024) === 0 ? [bytes / (1024 * 1024), lang === 'fr' ? 'Mo' : 'MB'] : [Math.round(bytes / 1024), lang === 'fr' ? 'ko' : 'KB'];
  return `${value}\u00a0${unit}`;
}

/**
 * Turns anything thrown while serving a request into RFC 9457 problem details in the request's language.
 * Only messages written for users reach the body: a domain error's own message, translated validation
 * messages, or a generic text per status. Internal messages and stacks go to the logs only.
 */
export function toProblemDetails(exception: unknown, ctx: ProblemContext): ProblemDetails {
  if (isDomainError(exception)) {
    const base = problem(DOMAIN_ERROR_STATUS[exception.kind], exception.code, exception.messageIn(ctx.lang), ctx);
    return exception.details === undefined ? base : { ...base, details: exception.details };
  }
  if (exception instanceof RequestValidationException) {
    const { code, detail } = HTTP_PROBLEMS.validationFailed;
    return {
      ...problem(400, code, detail[ctx.lang], ctx),
      errors: exception.violations.map((v) => ({ field: v.field, code: v.constraint, message: translateViolation(v, ctx.lang) })),
    };
  }
  const refusal = asBodyRefusal(exception);
  if (refusal) {
    if (refusal.reason === 'entity.parse.failed') {
      return problem(400, HTTP_PROBLEMS.malformedJson.code, HTTP_PROBLEMS.malformedJson.detail[ctx.lang], ctx);
    }
    if (refusal.reason === 'entity.too.large' && refusal.limit !== undefined) {
      const { code, detail } = HTTP_PROBLEMS.payloadTooLarge;
      return problem(413, code, detail[ctx.lang].replace('{limit}', formatSize(refusal.limit, ctx.lang)), ctx);
    }
    return genericProblem(refusal.status, ctx);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return status >= 400 && status < 600 ? genericProblem(status, ctx) : genericProblem(500, ctx);
  }
  return genericProblem(500, ctx);
}

/**
 * The one global exception filter of the HTTP API (installed by `configureHttpApp`): every error is
 * answered as `application/problem+json`, in French unless `Accept-Language` prefers English.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: ProblemLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const lang = negotiateLanguage(req.headers['accept-language']);
    const instance = (req.originalUrl ?? req.url ?? '').split('?')[0];
    const body = toProblemDetails(exception, { lang, instance, requestId: requestIdOf(req) });
    this.log(exception, body, req);

    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(body.status);
    res.setHeader('Content-Type', `${PROBLEM_JSON}; charset=utf-8`);
    res.setHeader('Content-Language', lang);
    res.vary('Accept-Language');
    res.send(JSON.stringify(body));
  }

  private log(exception: unknown, body: ProblemDetails, req: Request): void {
    const facts = { requestId: body.requestId, code: body.code, status: body.status, method: req.method, path: body.instance };
    if (body.status >= 500) {
      this.logger.error({ ...facts, err: exception }, 'Request failed with an unexpected error');
    } else if (asBodyRefusal(exception)) {
      // Refused by the body parser before the request logger ran: this line is its only trace.
      this.logger.warn(facts, 'Request body refused');
    } else {
      this.logger.debug(facts, 'Request refused');
    }
  }
}
