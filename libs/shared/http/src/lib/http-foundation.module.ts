import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '@guichet/shared/config';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { pinoHttpWith } from './logging/log-format';
import { httpLoggerOptions } from './logging/logger.options';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';

export interface HttpFoundationOptions {
  /** Where the JSON logs go (default: stdout, in the `LOG_FORMAT` of the settings). Tests pass a stream to read the lines. */
  readonly logStream?: DestinationStream;
}

/**
 * What `configureHttpApp` needs inside the application: the pino logger (nestjs-pino, configured from
 * `AppConfig`), the Prometheus registry and `GET /api/metrics`. Requires `AppConfigModule.forRoot()`.
 */
@Module({})
export class HttpFoundationModule {
  static forRoot(options: HttpFoundationOptions = {}): DynamicModule {
    return {
      module: HttpFoundationModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const format = options.logStream ? 'json' : config.logFormat;
            return {
              pinoHttp: pinoHttpWith(httpLoggerOptions(config.logLevel, format), format, options.logStream),
              forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            };
          },
        }),
      ],
      controllers: [MetricsController],
      providers: [HttpMetrics],
      exports: [HttpMetrics],
    };
  }
}
