import type { IncomingMessage, Server } from 'node:http';
import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@guichet/shared/config';
import helmet from 'helmet';
import { Logger, PinoLogger } from 'nestjs-pino';
import { HttpMetrics } from './metrics/http-metrics';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { bodyParserErrorBridge } from './problem/request-body-refused.exception';
import { requestValidationExceptionFactory } from './problem/request-validation.exception';
import { requestIdMiddleware } from './request-id/request-id.middleware';

export const API_PREFIX = 'api';

/** Path segment of server-to-server callbacks whose signature covers the exact bytes received. */
export const CALLBACK_PATH_SEGMENT = '/webhooks/';

/**
 * Keeps the bytes of a callback's JSON body as `req.rawBody` (a signature is checked over them, not
 * over a re-serialization). Other requests keep only the parsed body.
 */
function keepRawBodyOfCallbacks(req: IncomingMessage & { rawBody?: Buffer }, _res: unknown, buffer: Buffer): void {
  if ((req.url ?? '').includes(CALLBACK_PATH_SEGMENT)) req.rawBody = buffer;
}

export interface ConfigureHttpAppOptions {
  /** OpenAPI document title (default "Guichet API"). */
  readonly title?: string;
}

/**
 * The HTTP setup of the API, shared by `main.ts` and the integration tests so that tests exercise exactly
 * what runs: request ids, metrics, helmet, body limits, the `api` prefix, the global `ValidationPipe`,
 * the problem+json filter, OpenAPI at `/api/docs` and `/api/docs-json`, and shutdown hooks.
 *
 * Call it after creating the app and before `listen()`/`init()`. The app module must import
 * `AppConfigModule.forRoot()` and `HttpFoundationModule.forRoot()`.
 */
export async function configureHttpApp(app: NestExpressApplication, options: ConfigureHttpAppOptions = {}): Promise<void> {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  keepIdleConnectionsLongerThanClients(app.getHttpServer());

  // Order matters: these run before Nest's own middleware and routes, in this order.
  app.use(requestIdMiddleware);
  app.use(app.get(HttpMetrics).middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Over plain http (the embedded run) an upgrade would break every asset of the Angular apps.
        directives: { upgradeInsecureRequests: config.isProduction ? [] : null },
      },
    }),
  );
  // Registered before init, so Nest does not add its default (unlimited-config) parsers.
  app.useBodyParser('json', { limit: config.bodyLimit, verify: keepRawBodyOfCallbacks });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: true });
  app.use(bodyParserErrorBridge);

  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // The value is never copied into errors (it may be a password); the target is needed for constraint arguments.
      validationError: { target: true, value: false },
      exceptionFactory: requestValidationExceptionFactory,
    }),
  );
  const filterLogger = await app.resolve(PinoLogger);
  filterLogger.setContext('ProblemDetailsFilter');
  app.useGlobalFilters(new ProblemDetailsFilter(filterLogger));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title ?? 'Guichet API')
      .setDescription('Errors are answered as application/problem+json (RFC 9457), in French unless Accept-Language prefers English.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });

  app.enableShutdownHooks();
}

/**
 * An idle keep-alive connection is closed by the server after 65 s instead of Node's 5 s. A client (a load
 * balancer, nginx, a script's HTTP agent) that sends its next request on a connection at the moment the
 * server closes it gets a reset (ECONNRESET) for a request the server never read; the side that waits longer
 * must be the server, so it outlasts the usual 60 s idle timeouts of proxies. The headers timeout stays above it.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function keepIdleConnectionsLongerThanClients(server: Pick<Server, 'keepAliveTimeout' | 'headersTimeout'>): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

