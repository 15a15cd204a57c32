/**
 * The benchmark's worker process: the real OutboxRelayService and the consumer, like apps/worker, with
 * the library defaults unless a BENCH_* knob is set. It reports each consumed event (thing id and the
 * time its handler ran) to the parent over the IPC channel, in small batches so the reporting stays cheap.
 *
 * Env: BENCH_DATABASE_URL, BENCH_REDIS_URL (empty: PostgreSQL backend), BENCH_REDIS_PREFIX, and the
 * profiling knobs BENCH_POOL_SIZE, BENCH_CONCURRENCY, BENCH_RELAY_BATCH, BENCH_RELAY_POLL_MS.
 */
import 'reflect-metadata';
import { consumedSink, startBenchContext } from './bench-context';

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'consumed'; readonly ids: string[]; readonly at: number[]; readonly stampedAt: number[] }
  | { readonly type: 'stopped' };

export type ParentMessage = { readonly type: 'stop' };

function send(message: WorkerMessage): void {
  process.send?.(message);
}

function numberEnv(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('Start this file from bench/messaging.bench.ts (it needs an IPC channel)');
  let ids: string[] = [];
  let at: number[] = [];
  let stamped: number[] = [];
  const flush = () => {
    if (ids.length === 0) return;
    send({ type: 'consumed', ids, at, stampedAt: stamped });
    ids = [];
    at = [];
    stamped = [];
  };
  consumedSink.onConsumed = (thingId, time, stampedAt) => {
    ids.push(thingId);
    at.push(time);
    stamped.push(stampedAt);
  };
  const flusher = setInterval(flush, 50);

  const concurrency = numberEnv('BENCH_CONCURRENCY');
  const batchSize = numberEnv('BENCH_RELAY_BATCH');
  const pollIntervalMs = numberEnv('BENCH_RELAY_POLL_MS');
  const app = await startBenchContext({
    role: 'worker',
    databaseUrl: process.env['BENCH_DATABASE_URL'] ?? '',
    redisUrl: process.env['BENCH_REDIS_URL'] || undefined,
    redisPrefix: process.env['BENCH_REDIS_PREFIX'],
    poolSize: numberEnv('BENCH_POOL_SIZE'),
    consumer: concurrency ? { concurrency } : undefined,
    relay: {
      ...(batchSize ? { batchSize } : {}),
      ...(pollIntervalMs ? { pollIntervalMs } : {}),
    },
  });

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') {
      void app
        .close()
        .then(() => {
          clearInterval(flusher);
          flush();
          send({ type: 'stopped' });
          process.disconnect();
        })
        .catch((error: unknown) => {
          process.stderr.write(`worker close failed: ${String(error)}\n`);
          process.exit(1);
        });
    }
  });
  // The parent went away (crash, Ctrl-C): do not linger.
  process.on('disconnect', () => setTimeout(() => process.exit(0), 2_000).unref());
  send({ type: 'ready' });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
