import type { Registry } from 'prom-client';

/**
 * Token under which a module provides a {@link MetricsCollector}. Several modules may each provide
 * one: the api's metrics registry (`@guichet/shared/http`) gathers all of them at start.
 *
 * ```ts
 * providers: [QueueStatusMetrics, { provide: METRICS_COLLECTOR, useExisting: QueueStatusMetrics }]
 * ```
 */
export const METRICS_COLLECTOR = Symbol.for('guichet:metrics-collector');

/** Adds metrics to the application's Prometheus registry, usually with a `collect` callback read at each scrape. */
export interface MetricsCollector {
  registerMetrics(registry: Registry): void;
}
