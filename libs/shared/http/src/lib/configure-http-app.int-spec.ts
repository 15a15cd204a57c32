import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { METRICS_COLLECTOR, type MetricsCollector } from '@guichet/shared/application';
import { AppConfigModule } from '@guichet/shared/config';
import { DomainError, type DomainErrorKind } from '@guichet/shared/kernel';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { PinoLogger } from 'nestjs-pino';
import { Gauge } from 'prom-client';
import { Writable } from 'node:stream';
import request from 'supertest';
import { configureHttpApp, KEEP_ALIVE_TIMEOUT_MS } from './configure-http-app';
import { HttpFoundationModule } from './http-foundation.module';

// A test-only controller: a DTO with a string, an int and a nested object, and routes that throw.
class AddressDto {
  @IsString()
  @MaxLength(7)
  postalCode!: string;

  @IsString()
  city!: string;
}

class ProbeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  name!: string;

  @IsInt()
  @Min(0)
  age!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address!: AddressDto;
}

class ProbeError extends DomainError {
  readonly code = 'PROBE.RULE_BROKEN';
  constructor(readonly kind: DomainErrorKind) {
    super({ fr: 'La règle de la sonde est enfreinte.', en: 'The probe rule is broken.' });
  }
}

@Controller('probe')
class ProbeController {
  constructor(private readonly logger: PinoLogger) {}

  @Post()
  accept(@Body() dto: ProbeDto): { name: string; age: number; ageType: string; addressIsDto: boolean } {
    return { name: dto.name, age: dto.age, ageType: typeof dto.age, addressIsDto: dto.address instanceof AddressDto };
  }

  @Get('domain/:kind')
  domain(@Param('kind') kind: DomainErrorKind): never {
    throw new ProbeError(kind);
  }

  @Get('boom')
  boom(): never {
    throw new Error('connect to postgres://guichet:hunter2@db failed at /srv/app/db.ts:12');
  }

  @Get('log')
  log(): { ok: true } {
    this.logger.info('inside the handler');
    return { ok: true };
  }
}

/** A metrics collector, as another lib provides one (the messaging lib's queue gauges). */
function probeCollector(name: string, value: number): MetricsCollector {
  return {
    registerMetrics: (registry) => {
      new Gauge({
        name,
        help: 'A probe gauge read at each scrape.',
        registers: [registry],
        collect() {
          this.set(value);
        },
      });
    },
  };
}

@Module({ providers: [{ provide: METRICS_COLLECTOR, useValue: probeCollector('probe_other_module_gauge', 3) }] })
class OtherCollectorModule {}

const VALID = { name: 'Léa', age: 12, address: { postalCode: 'H2X 1Y4', city: 'Montréal' } };
const PROBLEM_JSON = /^application\/problem\+json/;

describe('configureHttpApp (HTTP integration)', () => {
  let app: NestExpressApplication;
  const logChunks: string[] = [];
  const logLines = (): Record<string, unknown>[] =>
    logChunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logChunks.push(chunk.toString());
        callback();
      },
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(), HttpFoundationModule.forRoot({ logStream }), OtherCollectorModule],
      controllers: [ProbeController],
      providers: [{ provide: METRICS_COLLECTOR, useValue: probeCollector('probe_root_gauge', 7) }],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    await configureHttpApp(app);
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const server = () => app.getHttpServer();

  function expectProblem(res: request.Response, status: number, code: string): void {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|\bat .*\.ts|node_modules/);
  }

  it('keeps an idle keep-alive connection open longer than proxies and clients do (65 s, not Node\'s 5 s)', () => {
    // A client reusing a connection the server is closing at that moment gets ECONNRESET for a request never read.
    const http = server() as { keepAliveTimeout: number; headersTimeout: number };
    expect(http.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    expect(http.headersTimeout).toBeGreaterThan(http.keepAliveTimeout);
  });

  it('accepts a valid body and transforms it into the DTO', async () => {
    const res = await request(server()).post('/api/probe').send(VALID);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'Léa', age: 12, ageType: 'number', addressIsDto: true });
  });

  describe('bad JSON', () => {
    const send = (lang?: string) => {
      const req = request(server()).post('/api/probe').set('Content-Type', 'application/json');
      if (lang) req.set('Accept-Language', lang);
      return req.send('{"name": "Léa", "age": ');
    };

    it('gets a 400 problem+json in French by default', async () => {
      const res = await send();
      expectProblem(res, 400, 'HTTP.MALFORMED_JSON');
      expect(res.body.detail).toBe('Le contenu de la requête n’est pas du JSON valide.');
      expect(res.body.title).toBe('Requête invalide');
      expect(res.headers['content-language']).toBe('fr');
      expect(res.body.instance).toBe('/api/probe');
    });

    it('gets it in English with Accept-Language: en', async () => {
      const res = await send('en');
      expectProblem(res, 400, 'HTTP.MALFORMED_JSON');
      expect(res.body.detail).toBe('The request body is not valid JSON.');
      expect(res.headers['content-language']).toBe('en');
    });

    it('does not echo the parser message', async () => {
      const res = await send('en');
      expect(JSON.stringify(res.body)).not.toMatch(/Unexpected|position|SyntaxError/i);
    });
  });

  describe('unknown fields', () => {
    it('are refused with a 400 naming each one, at the root and nested', async () => {
      const res = await request(server())
        .post('/api/probe')
        .send({ ...VALID, isAdmin: true, address: { ...VALID.address, floor: 3 } });
      expectProblem(res, 400, 'HTTP.VALIDATION_FAILED');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'isAdmin', code: 'whitelistValidation', message: 'Le champ « isAdmin » n’est pas permis.' },
          { field: 'address.floor', code: 'whitelistValidation', message: 'Le champ « address.floor » n’est pas permis.' },
        ]),
      );
      expect(res.body.errors).toHaveLength(2);
    });

    it('are named in English with Accept-Language: en-CA', async () => {
      const res = await request(server()).post('/api/probe').set('Accept-Language', 'en-CA,en;q=0.8').send({ ...VALID, role: 'admin' });
      expectProblem(res, 400, 'HTTP.VALIDATION_FAILED');
      expect(res.body.detail).toBe('Some fields of the request are invalid.');
      expect(res.body.errors).toEqual([{ field: 'role', code: 'whitelistValidation', message: 'The field “role” is not allowed.' }]);
    });
  });

  describe('wrong types', () => {
    const wrong = { name: 42, age: 'twelve', address: { postalCode: 'H2X 1Y4 extra', city: false } };

    it('get a 400 with one translated error per broken constraint', async () => {
      const res = await request(server()).post('/api/probe').send(wrong);
      expectProblem(res, 400, 'HTTP.VALIDATION_FAILED');
      const byField = (field: string) => res.body.errors.filter((e: { field: string }) => e.field === field);
      expect(byField('name')).toContainEqual({ field: 'name', code: 'isString', message: '« name » doit être une chaîne de caractères.' });
      expect(byField('age')).toContainEqual({ field: 'age', code: 'isInt', message: '« age » doit être un nombre entier.' });
      expect(byField('address.postalCode')).toContainEqual({
        field: 'address.postalCode',
        code: 'maxLength',
        message: '« address.postalCode » doit contenir au plus 7 caractères.',
      });
      expect(byField('address.city')).toContainEqual(expect.objectContaining({ code: 'isString' }));
    });

    it('are explained in English on request', async () => {
      const res = await request(server()).post('/api/probe').set('Accept-Language', 'en').send(wrong);
      expectProblem(res, 400, 'HTTP.VALIDATION_FAILED');
      expect(res.body.errors).toContainEqual({ field: 'age', code: 'isInt', message: '“age” must be an integer.' });
      expect(res.body.errors).toContainEqual({
        field: 'address.postalCode',
        code: 'maxLength',
        message: '“address.postalCode” must be at most 7 characters long.',
      });
    });

    it('include a nested object given as a scalar, and a missing body', async () => {
      const scalar = await request(server()).post('/api/probe').send({ ...VALID, address: 'nowhere' });
      expectProblem(scalar, 400, 'HTTP.VALIDATION_FAILED');
      expect(scalar.body.errors).toContainEqual(expect.objectContaining({ field: 'address', code: 'isObject' }));

      const empty = await request(server()).post('/api/probe');
      expectProblem(empty, 400, 'HTTP.VALIDATION_FAILED');
      expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'age', 'address']));
    });

    it('include a JSON array or a JSON scalar instead of an object', async () => {
      for (const body of ['[1, 2]', '"text"', 'null']) {
        const res = await request(server()).post('/api/probe').set('Content-Type', 'application/json').send(body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      }
    });

    it('never leak the submitted values', async () => {
      const res = await request(server()).post('/api/probe').send({ ...VALID, age: 'my-secret-value' });
      expect(JSON.stringify(res.body)).not.toContain('my-secret-value');
    });
  });

  describe('oversized bodies', () => {
    const big = 'x'.repeat(150 * 1024);

    it('get a 413 problem+json in French', async () => {
      const res = await request(server()).post('/api/probe').send({ ...VALID, name: big });
      expectProblem(res, 413, 'HTTP.PAYLOAD_TOO_LARGE');
      expect(res.body.detail).toBe('Le contenu de la requête dépasse la taille permise (100\u00a0ko).');
    });

    it('get it in English too, for forms as well as JSON', async () => {
      const json = await request(server()).post('/api/probe').set('Accept-Language', 'en').send({ ...VALID, name: big });
      expectProblem(json, 413, 'HTTP.PAYLOAD_TOO_LARGE');
      expect(json.body.detail).toBe('The request body exceeds the allowed size (100\u00a0KB).');
      const form = await request(server()).post('/api/probe').set('Accept-Language', 'en').type('form').send(`name=${big}`);
      expectProblem(form, 413, 'HTTP.PAYLOAD_TOO_LARGE');
    });
  });

  it('answers an unsupported body encoding with a 4xx, not a 500', async () => {
    const res = await request(server()).post('/api/probe').set('Content-Type', 'application/json; charset=klingon').send('{}');
    expectProblem(res, 415, 'HTTP.UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    ['not-found', 404],
    ['forbidden', 403],
    ['conflict', 409],
    ['invalid', 422],
  ])('maps a thrown %s domain error to %i', async (kind, status) => {
    const fr = await request(server()).get(`/api/probe/domain/${kind}`);
    expectProblem(fr, status, 'PROBE.RULE_BROKEN');
    expect(fr.body.detail).toBe('La règle de la sonde est enfreinte.');
    const en = await request(server()).get(`/api/probe/domain/${kind}`).set('Accept-Language', 'en');
    expect(en.body.detail).toBe('The probe rule is broken.');
  });

  it('answers an unexpected error with a generic 500 and leaks nothing', async () => {
    const res = await request(server()).get('/api/probe/boom');
    expectProblem(res, 500, 'HTTP.INTERNAL_ERROR');
    expect(res.body.title).toBe('Erreur interne');
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|postgres|db\.ts|srv/);
    const logged = logLines().find((l) => l['requestId'] === res.body.requestId && l['level'] === 50);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('db.ts');
    expect(JSON.stringify(logged)).not.toContain('hunter2');
  });

  it('answers an unknown API route with a 404 problem+json', async () => {
    const res = await request(server()).get('/api/no/such/route').set('Accept-Language', 'en');
    expectProblem(res, 404, 'HTTP.NOT_FOUND');
    expect(res.body.detail).toBe('The requested resource does not exist.');
  });

  it('answers a malformed percent-encoding in the path with a 400, not a 500', async () => {
    const res = await request(server()).get('/api/probe/domain/%E0%A4%A').set('Accept-Language', 'en');
    expectProblem(res, 400, 'HTTP.BAD_REQUEST');
  });

  it('survives a malformed percent-encoding in the query string (the access log masks it)', async () => {
    const res = await request(server()).get('/api/probe/log?%E0%A4%A=1&token=abc').set('X-Request-Id', 'bad-query-1');
    expect(res.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    const access = logLines().find((l) => l['requestId'] === 'bad-query-1' && l['msg'] === 'request completed');
    expect(JSON.stringify(access)).toContain('token=[REDACTED]');
    expect((await request(server()).get('/api/probe/log')).status).toBe(200);
  });

  describe('request ids', () => {
    it('echoes a valid incoming X-Request-Id', async () => {
      const res = await request(server()).get('/api/probe/domain/conflict').set('X-Request-Id', 'trace-abc-123');
      expect(res.headers['x-request-id']).toBe('trace-abc-123');
      expect(res.body.requestId).toBe('trace-abc-123');
    });

    it('replaces a missing or malformed one with a UUID', async () => {
      const missing = await request(server()).get('/api/probe/log');
      expect(missing.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const malformed = await request(server()).get('/api/probe/log').set('X-Request-Id', 'bad id with spaces');
      expect(malformed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('appear in every log line of the request, even for a body refused before routing', async () => {
      await request(server()).get('/api/probe/log').set('X-Request-Id', 'logged-req-1').set('Authorization', 'Bearer very-secret');
      const lines = logLines().filter((l) => JSON.stringify(l).includes('logged-req-1'));
      expect(lines.map((l) => l['msg'])).toEqual(expect.arrayContaining(['inside the handler', 'request completed']));
      for (const line of lines) expect(line['requestId']).toBe('logged-req-1');
      expect(JSON.stringify(lines)).not.toContain('very-secret');

      await request(server()).post('/api/probe').set('X-Request-Id', 'refused-req-2').set('Content-Type', 'application/json').send('{');
      const refused = logLines().filter((l) => l['requestId'] === 'refused-req-2');
      expect(refused).toContainEqual(expect.objectContaining({ code: 'HTTP.MALFORMED_JSON', status: 400 }));
    });
  });

  it('sets helmet headers', async () => {
    const res = await request(server()).get('/api/probe/log');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await request(server()).get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/api/probe');
    const ui = await request(server()).get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('exposes Prometheus metrics with the request duration by route pattern', async () => {
    await request(server()).get('/api/probe/domain/invalid');
    const res = await request(server()).get('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/probe\/domain\/:kind",status_code="422"\} [1-9]/);
  });

  it('adds the metrics of every METRICS_COLLECTOR of the application, read at scrape time', async () => {
    const res = await request(server()).get('/api/metrics');
    expect(res.text).toMatch(/^probe_root_gauge 7$/m);
    expect(res.text).toMatch(/^probe_other_module_gauge 3$/m);
  });
});
