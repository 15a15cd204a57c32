import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { METRICS_COLLECTOR, type MetricsCollector } from '@guichet/shared/application';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus registry of one application: Node.js default metrics, the HTTP request duration
 * histogram, and the metrics of every `METRICS_COLLECTOR` provided in the application (e.g. the
 * queue gauges of `@guichet/shared/messaging`). One registry per application instance, so tests can
 * build several apps in one process.
 */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  readonly registry = new Registry();
  readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(private readonly moduleRef: ModuleRef) {
    collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  onModuleInit(): void {
    for (const collector of this.collectors()) collector.registerMetrics(this.registry);
  }

  private collectors(): MetricsCollector[] {
    try {
      return this.moduleRef.get<MetricsCollector, MetricsCollector>(METRICS_COLLECTOR, { strict: false, each: true });
    } catch {
      // Nest throws when no module provides the token: an application without collectors.
      return [];
    }
  }

  /** Times every request; labels use the route pattern (`/api/things/:id`), never the raw URL, to bound cardinality. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.requestDuration.startTimer();
    res.once('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof pattern === 'string' ? pattern : req.originalUrl.startsWith('/api') ? 'unmatched' : 'static';
      end({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}
