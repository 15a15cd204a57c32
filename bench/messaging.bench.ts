/**
 * `npm run bench:messaging`: events from commit to consumer, on the Redis and on the PostgreSQL backend.
 *
 * The path is the real one: this process (api role) saves an aggregate and its outbox row in one
 * transaction; a separate worker process (bench/messaging-worker.ts, worker role) runs the real
 * OutboxRelayService (LISTEN/NOTIFY + poll, batches into BullMQ) and the consumer (BullMQ worker, inbox
 * insert and handler in one transaction). Library defaults throughout (pool 10, consumer concurrency 8 on Redis and 4 on PostgreSQL,
 * default lock duration, relay batch 200) unless a BENCH_* knob says otherwise.
 *
 * Per backend, on a fresh database and Redis prefix:
 *  1. throughput: BENCH_PRODUCERS producers commit one aggregate per transaction as fast as they can for
 *     BENCH_THROUGHPUT_S seconds; consumed/s is counted after BENCH_WARMUP_S, then the backlog drains;
 *  2. latency: BENCH_RATE events/s for BENCH_LATENCY_S seconds; commit-to-consume per event (commit time
 *     taken when the transaction's commit returned, consume time when the handler ran, same machine clock).
 *  3. at the target rate (BENCH_SUSTAIN_S, 10 s; 0 skips it): exactly the backend's target rate, to see
 *     whether the pipeline keeps up when it is not competing with flat-out producers.
 * Optional: BENCH_BATCH=10 adds a throughput phase committing 10 aggregates per transaction.
 *
 * It is a measurement, not a test: it exits 0 when a target is missed, and says MISSED loudly.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { BenchThing, BenchThingRepository, startBenchContext } from './bench-context';
import { CpuMeter, type CpuSample, type CpuShares } from './cpu-meter';
import type { ParentMessage, WorkerMessage } from './messaging-worker';

type Backend = 'redis' | 'postgres';

const TARGET_RATE: Record<Backend, number> = { redis: 1_000, postgres: 300 };
const TARGET_P99_MS = 500;

function numberEnv(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number(value) : fallback;
}

const settings = {
  backends: (process.env['BENCH_BACKENDS'] ?? 'redis,postgres').split(',').filter(Boolean) as Backend[],
  producers: numberEnv('BENCH_PRODUCERS', 8),
  throughputS: numberEnv('BENCH_THROUGHPUT_S', 15),
  warmupS: numberEnv('BENCH_WARMUP_S', 3),
  rate: numberEnv('BENCH_RATE', 100),
  latencyS: numberEnv('BENCH_LATENCY_S', 20),
  sustainS: numberEnv('BENCH_SUSTAIN_S', 10),
  batch: numberEnv('BENCH_BATCH', 0),
  drainTimeoutS: numberEnv('BENCH_DRAIN_TIMEOUT_S', 20),
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** A fresh database per backend, so the runs never see each other's rows. */
async function createDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) throw new Error('DATABASE_URL is not set: run `npm run bench:messaging` (it starts the servers)');
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The worker process and what it reported. */
class WorkerProcess {
  readonly consumedAt = new Map<string, number>();
  /** Each consumed event's payload stamp (Date.now() before its transaction began). */
  readonly stampedAt = new Map<string, number>();
  duplicates = 0;
  /** Events committed so far (all phases): the worker is idle when it has consumed them all. */
  produced = 0;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  constructor(env: Record<string, string>) {
    this.child = fork(join(__dirname, 'messaging-worker.ts'), [], {
      execArgv: [
        '-r',
        join(__dirname, '..', 'scripts', 'ts-register.cjs'),
        // Profiling: BENCH_WORKER_PROF=<dir> writes the worker's V8 CPU profile there.
        ...(process.env['BENCH_WORKER_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_WORKER_PROF']}`] : []),
      ],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.child.on('message', (message: WorkerMessage) => this.receive(message));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get consumed(): number {
    return this.consumedAt.size;
  }

  ready(timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker was not ready in time')), timeoutMs);
      this.child.once('exit', (code) => reject(new Error(`the worker exited with code ${code} before it was ready`)));
      this.child.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  /** Resolves when `count` events were consumed in all, or after `timeoutMs`; returns whether they were. */
  async waitForConsumed(count: number, timeoutMs: number): Promise<boolean> {
    if (this.consumed >= count) return true;
    let timer: NodeJS.Timeout | undefined;
    const reached = new Promise<boolean>((resolve) => {
      this.waiters.push({ check: () => this.consumed >= count, resolve: () => resolve(true) });
    });
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const result = await Promise.race([reached, timedOut]);
    clearTimeout(timer);
    return result;
  }

  async stop(): Promise<void> {
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ParentMessage);
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await this.exited;
    clearTimeout(killer);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'consumed') {
      message.ids.forEach((id, index) => {
        if (this.consumedAt.has(id)) this.duplicates++;
        else {
          this.consumedAt.set(id, message.at[index]);
          this.stampedAt.set(id, message.stampedAt[index]);
        }
      });
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.check()) return true;
        waiter.resolve();
        return false;
      });
    }
  }
}

interface ThroughputResult {
  readonly label: string;
  readonly perTransaction: number;
  readonly produced: number;
  readonly producedPerS: number;
  /** Consumed per second while producing, after the warm-up. */
  readonly consumedPerS: number;
  /** Consumed per second after the producers stopped (the worker alone). */
  readonly drainPerS: number;
  readonly drainMs: number;
  readonly drained: boolean;
  /** All events / time from the first commit to the last consume. */
  readonly endToEndPerS: number;
  /** Events of earlier phases still unconsumed when this one started (they compete with it). */
  readonly backlogBefore: number;
  readonly backlogAtStop: number;
  /** Rows per relay transaction during the phase (and its drain). */
  readonly rowsPerRelayBatch: number;
  /** Of that backlog, the rows the relay had not published yet (the rest waited in the queue). */
  readonly unpublishedAtStop: number;
  readonly cpu: CpuShares;
}

interface LatencyResult {
  readonly label: string;
  readonly rate: number;
  readonly achievedRate: number;
  readonly count: number;
  readonly missing: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** p99 from the payload stamp (taken before the transaction) instead of the commit's return. */
  readonly p99FromStamp: number;
  readonly backlogBefore: number;
  readonly rowsPerRelayBatch: number;
  /** p99 of the producer's own save (transaction) time. */
  readonly commitP99: number;
  readonly cpu: CpuShares;
}

interface BackendResult {
  readonly backend: Backend;
  readonly throughput: ThroughputResult[];
  readonly latency: LatencyResult[];
  /** CPU with nothing to do: what the backend costs at rest (polling, lock renewal...). */
  readonly idleCpu: CpuShares;
  readonly duplicates: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rowsPerBatch(from: { rows: number; batches: number }, to: { rows: number; batches: number }): number {
  return (to.rows - from.rows) / Math.max(1, to.batches - from.batches);
}

async function unpublishedCount(repository: BenchThingRepository): Promise<number> {
  const rows: { count: string }[] = await repository.unpublished();
  return Number(rows[0]?.count ?? 0);
}

async function throughputPhase(
  repository: BenchThingRepository,
  worker: WorkerProcess,
  meter: CpuMeter,
  perTransaction: number,
  durationS: number,
): Promise<ThroughputResult> {
  const label = perTransaction === 1 ? 'throughput, 1 aggregate/tx' : `throughput, ${perTransaction} aggregates/tx`;
  log(`${label}: ${settings.producers} producers for ${durationS} s`);
  const consumedBefore = worker.consumed;
  const backlogBefore = worker.produced - worker.consumed;
  const relayFrom = await repository.relayStats();
  const ids: string[] = [];
  const start = Date.now();
  const deadline = start + durationS * 1000;
  const warmEnd = start + settings.warmupS * 1000;
  let cpuFrom: CpuSample | undefined;
  const warmTimer = setTimeout(() => (cpuFrom = meter.sample()), warmEnd - start);
  const producer = async () => {
    while (Date.now() < deadline) {
      const things = Array.from({ length: perTransaction }, () => BenchThing.create());
      if (perTransaction === 1) await repository.save(things[0]);
      else await repository.saveAll(things);
      for (const thing of things) ids.push(thing.id);
      worker.produced += things.length;
    }
  };
  await Promise.all(Array.from({ length: settings.producers }, producer));
  const stoppedAt = Date.now();
  clearTimeout(warmTimer);
  const cpu = CpuMeter.shares(cpuFrom ?? meter.sample(), meter.sample());
  const consumedAtStop = worker.consumed - consumedBefore;
  const unpublishedAtStop = await unpublishedCount(repository);
  const drained = await worker.waitForConsumed(worker.produced, settings.drainTimeoutS * 1000);
  const relayTo = await repository.relayStats();
  const times = ids.map((id) => worker.consumedAt.get(id)).filter((time): time is number => time !== undefined);
  const lastConsume = times.reduce((latest, time) => Math.max(latest, time), start);
  const inWindow = times.filter((time) => time >= warmEnd && time < stoppedAt).length;
  const afterStop = times.filter((time) => time >= stoppedAt).length;
  const drainMs = Math.max(0, lastConsume - stoppedAt);
  return {
    label,
    perTransaction,
    produced: ids.length,
    producedPerS: ids.length / ((stoppedAt - start) / 1000),
    consumedPerS: inWindow / ((stoppedAt - warmEnd) / 1000),
    drainPerS: drainMs > 0 ? afterStop / (drainMs / 1000) : Number.NaN,
    drainMs,
    drained,
    endToEndPerS: times.length / ((lastConsume - start) / 1000),
    backlogBefore,
    backlogAtStop: ids.length - consumedAtStop,
    rowsPerRelayBatch: rowsPerBatch(relayFrom, relayTo),
    unpublishedAtStop,
    cpu,
  };
}

async function ratePhase(
  label: string,
  repository: BenchThingRepository,
  worker: WorkerProcess,
  meter: CpuMeter,
  rate: number,
  durationS: number,
): Promise<LatencyResult> {
  log(`${label}: ${rate} events/s for ${durationS} s`);
  const committedAt = new Map<string, number>();
  const commitMs: number[] = [];
  const total = Math.round(rate * durationS);
  const inFlight = new Set<Promise<void>>();
  const backlogBefore = worker.produced - worker.consumed;
  const relayFrom = await repository.relayStats();
  const cpuFrom = meter.sample();
  const start = Date.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait >= 1) await sleep(wait);
    const thing = BenchThing.create();
    const begun = Date.now();
    const saving: Promise<void> = repository.save(thing).then(() => {
      const now = Date.now();
      committedAt.set(thing.id, now);
      worker.produced++;
      commitMs.push(now - begun);
      inFlight.delete(saving);
    });
    inFlight.add(saving);
    // Bounded like a real api's pool; when commits fall behind, the schedule slips and it shows below.
    if (inFlight.size >= 64) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const producedFor = (Date.now() - start) / 1000;
  const cpu = CpuMeter.shares(cpuFrom, meter.sample());
  const ids = [...committedAt.keys()];
  await worker.waitForConsumed(worker.produced, 10_000);
  const relayTo = await repository.relayStats();
  const latencies: number[] = [];
  const fromStamp: number[] = [];
  let missing = 0;
  for (const id of ids) {
    const consumed = worker.consumedAt.get(id);
    if (consumed === undefined) {
      missing++;
      continue;
    }
    latencies.push(consumed - (committedAt.get(id) ?? consumed));
    fromStamp.push(consumed - (worker.stampedAt.get(id) ?? consumed));
  }
  latencies.sort((a, b) => a - b);
  fromStamp.sort((a, b) => a - b);
  commitMs.sort((a, b) => a - b);
  return {
    label,
    rate,
    achievedRate: ids.length / producedFor,
    count: latencies.length,
    missing,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: missing > 0 ? Number.POSITIVE_INFINITY : percentile(latencies, 99),
    max: missing > 0 ? Number.POSITIVE_INFINITY : latencies[latencies.length - 1],
    p99FromStamp: percentile(fromStamp, 99),
    backlogBefore,
    rowsPerRelayBatch: rowsPerBatch(relayFrom, relayTo),
    commitP99: percentile(commitMs, 99),
    cpu,
  };
}

async function runBackend(backend: Backend): Promise<BackendResult> {
  const redisUrl = backend === 'redis' ? process.env['REDIS_URL'] : undefined;
  if (backend === 'redis' && !redisUrl) throw new Error('REDIS_URL is not set: the Redis backend needs a redis-server');
  const database = await createDatabase(`bench_${backend}`);
  const redisPrefix = `bench-${Date.now().toString(36)}`;
  let api: INestApplicationContext | undefined;
  let worker: WorkerProcess | undefined;
  try {
    api = await startBenchContext({ role: 'api', databaseUrl: database.url, redisUrl, redisPrefix });
    worker = new WorkerProcess({
      BENCH_DATABASE_URL: database.url,
      BENCH_REDIS_URL: redisUrl ?? '',
      BENCH_REDIS_PREFIX: redisPrefix,
    });
    const exitWithUs = () => worker?.kill();
    process.once('exit', exitWithUs);
    await worker.ready();
    const meter = new CpuMeter(process.env['DATABASE_URL'] ?? database.url, redisUrl);
    meter.track('worker', worker.pid);
    const repository = api.get(BenchThingRepository);

    // Warm-up: connections opened, code paths compiled, queues created; not counted.
    const warm = Array.from({ length: 300 }, () => BenchThing.create());
    for (let i = 0; i < warm.length; i += 8) await Promise.all(warm.slice(i, i + 8).map((thing) => repository.save(thing)));
    worker.produced += warm.length;
    if (!(await worker.waitForConsumed(warm.length, 30_000))) throw new Error('the warm-up events were not consumed within 30 s');
    const idleFrom = meter.sample();
    await sleep(3_000);
    const idleCpu = CpuMeter.shares(idleFrom, meter.sample());

    // Latency first, on an empty queue: a backlog left by the throughput phase would be measured instead.
    const latency = [await ratePhase(`latency`, repository, worker, meter, settings.rate, settings.latencyS)];
    if (settings.sustainS > 0) {
      latency.push(await ratePhase(`at the target rate`, repository, worker, meter, TARGET_RATE[backend], settings.sustainS));
    }
    const throughput = [await throughputPhase(repository, worker, meter, 1, settings.throughputS)];
    if (settings.batch > 1) throughput.push(await throughputPhase(repository, worker, meter, settings.batch, Math.min(10, settings.throughputS)));
    return { backend, throughput, latency, idleCpu, duplicates: worker.duplicates };
  } finally {
    await worker?.stop().catch((error: unknown) => log(`worker stop: ${String(error)}`));
    await api?.close().catch((error: unknown) => log(`api close: ${String(error)}`));
    await database.drop().catch((error: unknown) => log(`drop database: ${String(error)}`));
  }
}

const fmt = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : value > 0 ? '∞' : '-';

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const cpuText = (cpu: CpuShares) =>
  `bench ${fmt(cpu['bench'], 2)} worker ${fmt(cpu['worker'], 2)} pg ${fmt(cpu['postgres'], 2)} redis ${fmt(cpu['redis'], 2)} other ${fmt(cpu['other'], 2)}`;

function report(results: BackendResult[], startedAt: number, loadBefore: number[]): void {
  const out: string[] = [];
  out.push('');
  out.push('Messaging benchmark: commit -> outbox relay (worker process) -> BullMQ -> consumer (inbox + handler)');
  out.push(
    `settings: ${settings.producers} producers, throughput ${settings.throughputS} s (warm-up ${settings.warmupS} s), latency ${settings.rate}/s for ${settings.latencyS} s; ` +
      `library defaults (pool 10, consumer concurrency 8 on Redis and 4 on PostgreSQL, relay batch 200, poll 1 s)` +
      (process.env['BENCH_CONCURRENCY'] ? `; BENCH_CONCURRENCY=${process.env['BENCH_CONCURRENCY']}` : '') +
      (process.env['BENCH_RELAY_BATCH'] ? `; BENCH_RELAY_BATCH=${process.env['BENCH_RELAY_BATCH']}` : '') +
      (process.env['BENCH_POOL_SIZE'] ? `; BENCH_POOL_SIZE=${process.env['BENCH_POOL_SIZE']}` : '') +
      '',
  );
  out.push('');
  out.push('Throughput (events/s)');
  out.push(
    table(
      ['backend', 'phase', 'backlog before', 'produced', 'produced/s', 'consumed/s', 'drain/s', 'drain ms', 'end-to-end/s', 'backlog at stop', 'in outbox', 'rows/relay tx'],
      results.flatMap((result) =>
        result.throughput.map((t) => [
          result.backend,
          t.label,
          fmt(t.backlogBefore),
          fmt(t.produced),
          fmt(t.producedPerS),
          fmt(t.consumedPerS),
          fmt(t.drainPerS),
          t.drained ? fmt(t.drainMs) : `>${fmt(settings.drainTimeoutS * 1000)}`,
          fmt(t.endToEndPerS),
          fmt(t.backlogAtStop),
          fmt(t.unpublishedAtStop),
          fmt(t.rowsPerRelayBatch, 1),
        ]),
      ),
    ),
  );
  out.push('');
  out.push('Commit-to-consume latency (ms)');
  out.push(
    table(
      ['backend', 'phase', 'backlog before', 'rate', 'achieved/s', 'events', 'missing', 'p50', 'p95', 'p99', 'max', 'p99 from stamp', 'commit p99', 'rows/relay tx'],
      results.flatMap((result) =>
        result.latency.map((l) => [
          result.backend,
          l.label,
          fmt(l.backlogBefore),
          fmt(l.rate),
          fmt(l.achievedRate, 1),
          fmt(l.count),
          fmt(l.missing),
          fmt(l.p50),
          fmt(l.p95),
          fmt(l.p99),
          fmt(l.max),
          fmt(l.p99FromStamp),
          fmt(l.commitP99),
          fmt(l.rowsPerRelayBatch, 1),
        ]),
      ),
    ),
  );
  out.push('');
  out.push(`CPU (cores, of ${cpus().length}) per phase`);
  for (const result of results) {
    out.push(`  ${result.backend.padEnd(8)} ${'idle (3 s)'.padEnd(32)} ${cpuText(result.idleCpu)}`);
    for (const t of result.throughput) out.push(`  ${result.backend.padEnd(8)} ${t.label.padEnd(32)} ${cpuText(t.cpu)}`);
    for (const l of result.latency) out.push(`  ${result.backend.padEnd(8)} ${l.label.padEnd(32)} ${cpuText(l.cpu)}`);
  }
  const duplicates = results.reduce((sum, result) => sum + result.duplicates, 0);
  out.push('');
  out.push(`duplicates seen by the consumer: ${duplicates}`);
  out.push(`load average before: ${loadBefore.map((value) => value.toFixed(2)).join(' ')}; after: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  out.push(`bench time: ${fmt((Date.now() - startedAt) / 1000, 1)} s`);
  out.push('');
  const verdicts: string[] = [];
  let missed = 0;
  for (const result of results) {
    const headline = result.throughput[0];
    const target = TARGET_RATE[result.backend];
    const rateOk = headline.consumedPerS >= target;
    const latency = result.latency[0];
    const latencyOk = latency.p99 < TARGET_P99_MS;
    if (!rateOk) missed++;
    if (!latencyOk) missed++;
    verdicts.push(
      `${result.backend.padEnd(8)} throughput ${fmt(headline.consumedPerS)}/s consumed while producing flat out (target >= ${fmt(target)}/s): ${rateOk ? 'PASS' : '*** MISSED ***'}`,
    );
    const sustained = result.latency.find((l) => l.label === 'at the target rate');
    if (sustained) {
      const keptUp = sustained.achievedRate >= 0.95 * target && sustained.missing === 0 && sustained.p99 < TARGET_P99_MS;
      if (!keptUp) missed++;
      verdicts.push(
        `${result.backend.padEnd(8)} at ${fmt(target)}/s offered: ${fmt(sustained.achievedRate)}/s committed, all consumed: ${sustained.missing === 0 ? 'yes' : `no (${sustained.missing} missing)`}, p99 ${fmt(sustained.p99)} ms: ${keptUp ? 'PASS (keeps up)' : '*** MISSED (falls behind) ***'}`,
      );
    }
    verdicts.push(
      `${result.backend.padEnd(8)} p99 commit-to-consume at ${fmt(latency.rate)}/s: ${fmt(latency.p99)} ms (target < ${TARGET_P99_MS} ms): ${latencyOk ? 'PASS' : '*** MISSED ***'}`,
    );
  }
  out.push(...verdicts);
  out.push(missed === 0 ? 'RESULT: all targets met' : `RESULT: *** ${missed} TARGET(S) MISSED ***`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loadBefore = loadavg();
  const results: BackendResult[] = [];
  for (const backend of settings.backends) {
    log(`backend ${backend}`);
    results.push(await runBackend(backend));
  }
  report(results, startedAt, loadBefore);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
