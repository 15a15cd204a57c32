import { BadRequestException, ForbiddenException, HttpException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { DomainError, type DomainErrorKind, type ErrorDetails } from '@guichet/shared/kernel';
import { ProblemDetailsFilter, toProblemDetails, type ProblemContext, type ProblemLogger } from './problem-details.filter';
import { RequestBodyRefusedException } from './request-body-refused.exception';
import { RequestValidationException } from './request-validation.exception';

class SampleError extends DomainError {
  readonly code = 'SAMPLE.BROKEN_RULE';
  constructor(
    readonly kind: DomainErrorKind,
    details?: ErrorDetails,
  ) {
    super({ fr: 'La règle est enfreinte.', en: 'The rule is broken.' }, details);
  }
}

const fr: ProblemContext = { lang: 'fr', instance: '/api/things/1', requestId: 'req-1' };
const en: ProblemContext = { ...fr, lang: 'en' };

function bodyParserError(type: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`internal parser text for ${type}`), { type, status, statusCode: status, expose: true, ...extra });
}

describe('toProblemDetails', () => {
  it.each([
    ['not-found', 404],
    ['forbidden', 403],
    ['conflict', 409],
    ['invalid', 422],
  ] as const)('maps a %s domain error to %i with its code and message', (kind, status) => {
    expect(toProblemDetails(new SampleError(kind), fr)).toEqual({
      type: 'urn:guichet:problem:sample.broken_rule',
      title: expect.any(String),
      status,
      detail: 'La règle est enfreinte.',
      instance: '/api/things/1',
      code: 'SAMPLE.BROKEN_RULE',
      requestId: 'req-1',
    });
    expect(toProblemDetails(new SampleError(kind), en).detail).toBe('The rule is broken.');
  });

  it('passes on the details of a domain error', () => {
    expect(toProblemDetails(new SampleError('invalid', { max: 3 }), fr).details).toEqual({ max: 3 });
  });

  it('translates validation violations into field errors', () => {
    const exception = new RequestValidationException([
      { field: 'name', constraint: 'maxLength', args: [5] },
      { field: 'extra', constraint: 'whitelistValidation', args: [] },
    ]);
    const problem = toProblemDetails(exception, en);
    expect(problem).toMatchObject({ status: 400, code: 'HTTP.VALIDATION_FAILED', title: 'Bad request' });
    expect(problem.errors).toEqual([
      { field: 'name', code: 'maxLength', message: '“name” must be at most 5 characters long.' },
      { field: 'extra', code: 'whitelistValidation', message: 'The field “extra” is not allowed.' },
    ]);
    expect(toProblemDetails(exception, fr).errors?.[1].message).toBe('Le champ « extra » n’est pas permis.');
  });

  it('maps body-parser refusals to 4xx, never exposing the parser text', () => {
    const malformed = toProblemDetails(bodyParserError('entity.parse.failed', 400), fr);
    expect(malformed).toMatchObject({ status: 400, code: 'HTTP.MALFORMED_JSON', detail: 'Le contenu de la requête n’est pas du JSON valide.' });
    const tooLarge = toProblemDetails(bodyParserError('entity.too.large', 413, { limit: 102400 }), en);
    expect(tooLarge).toMatchObject({ status: 413, code: 'HTTP.PAYLOAD_TOO_LARGE', detail: 'The request body exceeds the allowed size (100\u00a0KB).' });
    const charset = toProblemDetails(bodyParserError('charset.unsupported', 415), en);
    expect(charset).toMatchObject({ status: 415, code: 'HTTP.UNSUPPORTED_MEDIA_TYPE' });
    const bridged = toProblemDetails(new RequestBodyRefusedException('entity.parse.failed', 400), en);
    expect(bridged).toMatchObject({ status: 400, code: 'HTTP.MALFORMED_JSON', detail: 'The request body is not valid JSON.' });
    expect(toProblemDetails(new RequestBodyRefusedException('entity.too.large', 413, 2 * 1024 * 1024), fr).detail).toBe(
      'Le contenu de la requête dépasse la taille permise (2\u00a0Mo).',
    );
    for (const p of [malformed, tooLarge, charset]) expect(JSON.stringify(p)).not.toContain('internal parser text');
  });

  it('maps HttpExceptions to their status with a generic translated text', () => {
    expect(toProblemDetails(new NotFoundException('Cannot GET /api/nope'), fr)).toMatchObject({
      status: 404,
      code: 'HTTP.NOT_FOUND',
      title: 'Introuvable',
      detail: 'La ressource demandée n’existe pas.',
    });
    expect(toProblemDetails(new ForbiddenException(), en)).toMatchObject({ status: 403, code: 'HTTP.FORBIDDEN' });
    expect(toProblemDetails(new BadRequestException('Validation failed (numeric string is expected)'), en)).toMatchObject({
      status: 400,
      code: 'HTTP.BAD_REQUEST',
      detail: 'The request is invalid.',
    });
    expect(toProblemDetails(new HttpException('teapot', 418), en)).toMatchObject({ status: 418, code: 'HTTP.CLIENT_ERROR' });
  });

  it('answers anything else with a generic 500 that leaks nothing', () => {
    const error = new Error('password authentication failed for user "guichet" at /srv/app/db.ts:12');
    const problem = toProblemDetails(error, fr);
    expect(problem).toMatchObject({ status: 500, code: 'HTTP.INTERNAL_ERROR', title: 'Erreur interne' });
    expect(JSON.stringify(problem)).not.toMatch(/password|guichet"|db\.ts|at \//);
    expect(toProblemDetails('a thrown string', en)).toMatchObject({ status: 500, code: 'HTTP.INTERNAL_ERROR' });
    expect(toProblemDetails(bodyParserError('stream.not.readable', 500), en).status).toBe(500);
  });
});

describe('ProblemDetailsFilter', () => {
  function fakeHttp(headers: Record<string, string>, headersSent = false) {
    const written: { status?: number; headers: Record<string, string>; body?: string; ended: boolean } = { headers: {}, ended: false };
    const res = {
      headersSent,
      status(code: number) {
        written.status = code;
        return res;
      },
      setHeader(name: string, value: string) {
        written.headers[name.toLowerCase()] = value;
      },
      vary(name: string) {
        written.headers['vary'] = name;
      },
      send(body: string) {
        written.body = body;
      },
      end() {
        written.ended = true;
      },
    };
    const req = { headers, method: 'POST', originalUrl: '/api/things?token=abc', id: 'req-42' };
    const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
    return { host, written };
  }

  function fakeLogger(): jest.Mocked<ProblemLogger> {
    return { error: jest.fn(), warn: jest.fn(), debug: jest.fn() } as unknown as jest.Mocked<ProblemLogger>;
  }

  it('writes problem+json in the negotiated language, without the query string', () => {
    const { host, written } = fakeHttp({ 'accept-language': 'en-CA,en;q=0.9' });
    new ProblemDetailsFilter(fakeLogger()).catch(new SampleError('conflict'), host);
    expect(written.status).toBe(409);
    expect(written.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(written.headers['content-language']).toBe('en');
    expect(written.headers['vary']).toBe('Accept-Language');
    expect(JSON.parse(written.body ?? '')).toMatchObject({ detail: 'The rule is broken.', instance: '/api/things', requestId: 'req-42' });
  });

  it('logs unexpected errors with the error, and client errors without it', () => {
    const logger = fakeLogger();
    const boom = new Error('boom');
    new ProblemDetailsFilter(logger).catch(boom, fakeHttp({}).host);
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ err: boom, requestId: 'req-42', status: 500 }), expect.any(String));
    new ProblemDetailsFilter(logger).catch(new SampleError('invalid'), fakeHttp({}).host);
    expect(logger.debug).toHaveBeenCalledWith(expect.objectContaining({ code: 'SAMPLE.BROKEN_RULE', status: 422 }), expect.any(String));
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('only ends a response whose headers are already sent', () => {
    const { host, written } = fakeHttp({}, true);
    new ProblemDetailsFilter(fakeLogger()).catch(new Error('late'), host);
    expect(written.ended).toBe(true);
    expect(written.body).toBeUndefined();
  });
});
