import { Catch, UnauthorizedException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { InvalidCredentials } from '@guichet/accounts/domain';
import { negotiateLanguage, PROBLEM_JSON, requestIdOf, toProblemDetails, type ProblemContext } from '@guichet/shared/http';
import type { Request, Response } from 'express';

/**
 * Sign-in refusals are 401 with one message for every cause (unknown identifier, wrong password,
 * locked, not staff on the back-office). The global filter maps domain errors to 403/404/409/422
 * only, so this route-level filter takes precedence for this one error.
 */
@Catch(InvalidCredentials)
export class InvalidCredentialsFilter implements ExceptionFilter {
  catch(exception: InvalidCredentials, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const ctx: ProblemContext = {
      lang: negotiateLanguage(req.headers['accept-language']),
      instance: (req.originalUrl ?? req.url ?? '').split('?')[0],
      requestId: requestIdOf(req),
    };
    const unauthorized = toProblemDetails(new UnauthorizedException(), ctx);
    const body = { ...toProblemDetails(exception, ctx), status: 401, title: unauthorized.title };
    res.status(401);
    res.setHeader('Content-Type', `${PROBLEM_JSON}; charset=utf-8`);
    res.setHeader('Content-Language', ctx.lang);
    res.vary('Accept-Language');
    res.send(JSON.stringify(body));
  }
}
