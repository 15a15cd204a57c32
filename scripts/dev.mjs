#!/usr/bin/env node
// `npm run dev`: the platform in watch mode, for working on it. A saved change to a handler restarts the
// api (or the worker) in seconds, a saved change to a screen reloads the page; no `npm start -- --rebuild`.
//  - the embedded services of `npm start` (scripts/services.mjs): PostgreSQL (same data, .data/postgres),
//    maildev and the payment sandbox, unless DATABASE_URL, SMTP_URL or PAYMENT_PROVIDER_URL are set;
//  - the api and the worker through `nx serve` (@nx/js:node: webpack in watch mode, the process restarted
//    after each rebuild); the api migrates as it starts, the demo accounts are seeded once it answers, then
//    the worker starts;
//  - the portal and the back-office through their Angular dev servers (`nx serve portal|admin`: rebuilt in
//    memory, live reload, template hot replacement);
//  - one address in front of them all, http://localhost:3000 (PORT): /api → the api, /admin/ → the
//    back-office's dev server, everything else → the portal's. One origin, as in production, so the session
//    cookie and the CSRF check (PUBLIC_URL) work unchanged.
// Ctrl-C stops everything, nothing is left behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { NX_BIN, ROOT as root, createShutdown, embeddedSettings, freePort, portIsFree, sayAddresses, startEmbeddedServices, stopChild, track, waitForHealth, wantsDemoData } from './services.mjs';

const settings = embeddedSettings();
const { dataDir, port } = settings;
const tty = Boolean(process.stdout.isTTY);
const t0 = Date.now();

const say = (msg) => process.stdout.write(`[dev] ${msg}\n`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const life = createShutdown({ say, stopped: (since) => `stopped in ${seconds(since)}.` });
const { shutdown, onStop, stopAllWhenItDies } = life;

/**
 * Left out of the output: Nest's start-up inventory (a line per module and per route at every restart) and
 * webpack's list of modules after each rebuild. Its "compiled successfully" line and any error stay.
 */
const CHATTER = [
  /\[(InstanceLoader|RoutesResolver|RouterExplorer)\]|"context":"(InstanceLoader|RoutesResolver|RouterExplorer)"/,
  /^\s*(asset \S+ |modules by path |external "|\+ \d+ modules?$|\.\/\S+ .*\[built\])/,
];
/** While stopping, only the applications' own log lines get through (not Nx's summaries of stopped tasks). */
const LOG_LINE = /\b(INFO|WARN|ERROR|FATAL)\b|"level":/;

/** Copies a child's output line by line, each line prefixed with the child's name. */
function prefixLines(stream, name) {
  const label = `[${name}]`.padEnd(9);
  const show = (line) => {
    const plain = stripVTControlCharacters(line);
    if (CHATTER.some((re) => re.test(plain)) || (life.stopping && !LOG_LINE.test(plain))) return;
    process.stdout.write(`${label} ${line}\n`);
  };
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop();
    lines.forEach(show);
  });
  stream.on('end', () => pending && show(pending));
}

/** True while any process of the group `pgid` is alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops an `nx serve` and everything it started (its own process group). The api and the worker get a
 * single SIGTERM through Nx, which passes it on: a second signal would cut their graceful shutdown short.
 * Whatever is still in the group after that is killed.
 */
async function stopGroup(child, { wholeGroup }) {
  if (child.exitCode === null && child.signalCode === null) {
    if (wholeGroup) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await stopChild(child, 'SIGTERM', 20_000);
  }
  const deadline = Date.now() + 5_000;
  while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(child.pid)) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** `nx serve <project>` in its own process group, output prefixed; if it ends on its own, everything stops. */
function nxServe(name, project, args, env, { wholeGroup }) {
  if (life.stopping) throw new Error('stopping');
  const child = track(spawn(process.execPath, [NX_BIN, 'serve', project, ...args], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  prefixLines(child.stdout, name);
  prefixLines(child.stderr, name);
  stopAllWhenItDies(child, (why) => `${name} (nx serve ${project}) stopped unexpectedly (${why})`);
  onStop(() => stopGroup(child, { wholeGroup }));
  return child;
}

/** Waits until `url` answers at all (any status): a dev server is up once it serves its page. */
async function waitForServer(url, child, name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

// ---- the one address in front of the dev servers ------------------------------------------------------

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function isUnder(url, prefix) {
  return url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
}

/** Headers for the upstream: the client's, with the usual X-Forwarded-* (the api trusts them from loopback). */
function forwardedHeaders(req, { upgrade = false } = {}) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) if (upgrade || !HOP_BY_HOP.has(name)) headers[name] = value;
  const client = req.socket.remoteAddress ?? '127.0.0.1';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-host'] = req.headers.host ?? `localhost:${port}`;
  return headers;
}

function unavailable(req, res, target) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers = { 'Cache-Control': 'no-store', 'Retry-After': '2' };
  if (target.name === 'api') {
    res.writeHead(503, { ...headers, 'Content-Type': 'application/problem+json' });
    res.end(JSON.stringify({ type: 'about:blank', title: 'The api is starting or restarting (npm run dev): try again in a moment.', status: 503 }));
    return;
  }
  res.writeHead(503, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>${target.label} démarre…</title></head>
<body><p>${target.label} démarre (npm run dev)… la page se recharge toute seule.</p><p lang="en">Starting… this page reloads by itself.</p></body></html>
`);
}

/**
 * A small reverse proxy on 127.0.0.1:`port`: requests and WebSocket upgrades (the dev servers' live reload)
 * go to the api, the back-office or the portal by path.
 */
function startProxy(targets) {
  const route = (url = '/') => (isUnder(url, '/api') ? targets.api : isUnder(url, '/admin') ? targets.admin : targets.portal);
  const server = http.createServer((req, res) => {
    const target = route(req.url);
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: forwardedHeaders(req), agent: false },
      (answer) => {
        const raw = [];
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          if (!HOP_BY_HOP.has(answer.rawHeaders[i].toLowerCase())) raw.push(answer.rawHeaders[i], answer.rawHeaders[i + 1]);
        }
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, raw);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => unavailable(req, res, target));
    req.pipe(upstream);
    res.on('close', () => upstream.destroy());
  });
  server.on('upgrade', (req, socket, head) => {
    const target = route(req.url);
    const upstream = http.request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: forwardedHeaders(req, { upgrade: true }), agent: false });
    upstream.on('upgrade', (answer, upstreamSocket, upstreamHead) => {
      const lines = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (upstreamHead.length > 0) socket.write(upstreamHead);
      if (head.length > 0) upstreamSocket.write(head);
      upstreamSocket.on('error', () => socket.destroy());
      socket.on('error', () => upstreamSocket.destroy());
      upstreamSocket.pipe(socket).pipe(upstreamSocket);
    });
    upstream.on('response', (answer) => {
      socket.end(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\nConnection: close\r\n\r\n`);
      answer.resume();
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
    upstream.end();
  });
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve(
        () =>
          new Promise((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      ),
    );
  });
}

// ---- start and stop --------------------------------------------------------------------------------------

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (!(await portIsFree(port))) throw new Error(`port ${port} is taken: stop what uses it (npm start?) or set PORT.`);
  const apiPort = await freePort();
  const portalPort = await freePort();
  const adminPort = await freePort();
  const { base } = settings;

  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    // The address of the proxy: the CSRF check compares Origin with it, mails link to it.
    PUBLIC_URL: process.env.PUBLIC_URL ?? base,
    // The proxy adds X-Forwarded-For: the api sees the browser's address, not the proxy's.
    TRUST_PROXY: process.env.TRUST_PROXY ?? 'loopback',
    LOG_FORMAT: process.env.LOG_FORMAT ?? (tty ? 'pretty' : 'json'),
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    // apps/api/webpack.config.js: transpile-only rebuilds, without the OpenAPI plugin (npm start rebuilds with it).
    GUICHET_DEV_BUILD: '1',
  };
  // The children write into pipes: tell them whether the end of the line is a terminal.
  if (tty && env.NO_COLOR === undefined) env.FORCE_COLOR ??= '1';
  if (!tty) env.NO_COLOR ??= '1';

  const { inbox, payments } = await startEmbeddedServices({ settings, env, onStop, say });
  if (payments) {
    if (!existsSync(path.join(root, 'dist/apps/payment-sandbox/main.js'))) {
      say('building the payment sandbox (first run only)…');
      const built = spawnSync(process.execPath, [NX_BIN, 'build', 'payment-sandbox'], { cwd: root, env, stdio: 'inherit' });
      if (built.status !== 0) throw new Error(`building the payment sandbox failed (exit ${built.status})`);
    }
    const sandbox = await payments.start({ webhookUrl: `http://127.0.0.1:${apiPort}/api/billing/webhooks/sandbox` });
    stopAllWhenItDies(sandbox.process, () => 'the payment sandbox stopped unexpectedly');
  }

  const stopProxy = await startProxy({
    api: { name: 'api', label: 'L’API', port: apiPort },
    portal: { name: 'portal', label: 'Le portail', port: portalPort },
    admin: { name: 'admin', label: 'Le back-office', port: adminPort },
  });
  onStop(stopProxy);
  say(`${base} answers already; the first builds take a minute or two.`);

  // The Angular dev servers and the api build side by side; the worker waits for the api's migrations.
  const devServer = ['--host', '127.0.0.1', '--open=false'];
  const portal = nxServe('portal', 'portal', [...devServer, `--port=${portalPort}`], env, { wholeGroup: true });
  const admin = nxServe('admin', 'admin', [...devServer, `--port=${adminPort}`], env, { wholeGroup: true });
  const api = nxServe('api', 'api', ['--inspect=false'], env, { wholeGroup: false });

  await waitForHealth(`http://127.0.0.1:${apiPort}/api/health`, api, { timeoutMs: 600_000 });
  say(`api up (migrations applied) after ${seconds(t0)}`);
  if (wantsDemoData(env)) {
    // The bundle `nx serve api` has just built; run aside, so the proxy and the dev servers keep going.
    const seed = track(spawn(process.execPath, ['dist/apps/api/main.js'], { cwd: root, env: { ...env, RUN_MODE: 'seed-demo' }, stdio: ['ignore', 'pipe', 'pipe'] }));
    prefixLines(seed.stdout, 'seed');
    prefixLines(seed.stderr, 'seed');
    const status = await new Promise((resolve) => seed.on('exit', (code) => resolve(code)));
    if (status !== 0) throw new Error(`seeding the demo accounts failed (exit ${status})`);
  }
  const worker = nxServe('worker', 'worker', ['--inspect=false'], env, { wholeGroup: false });

  await waitForServer(`http://127.0.0.1:${portalPort}/`, portal, 'the portal dev server', 600_000);
  await waitForServer(`http://127.0.0.1:${adminPort}/admin/`, admin, 'the back-office dev server', 600_000);

  say(`ready in ${seconds(t0)} (the worker may still be building). Saved changes rebuild and restart or reload on their own.`);
  sayAddresses(say, base, payments);
  if (inbox) say(`  mail inbox   ${inbox}`);
  say(`  behind it    api 127.0.0.1:${apiPort}, portal 127.0.0.1:${portalPort}, back-office 127.0.0.1:${adminPort}; pids nx serve api ${api.pid}, worker ${worker.pid}, portal ${portal.pid}, admin ${admin.pid}`);
  say('Ctrl-C stops everything.');
}

main().catch((err) => {
  if (!life.stopping) console.error(`[dev] ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
