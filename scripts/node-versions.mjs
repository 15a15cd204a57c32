#!/usr/bin/env node
// The supported Node lines besides the machine's own: for each, the unit tests and an `npm start` smoke
// test run under that Node, taken from the registry's `node` package (`npx -p node@24`). CI runs it before
// `npm test` (.ci/run); it fails when any run fails.
//
//   node scripts/node-versions.mjs [--build] [22 24 ...]     (default: 22 24)
//
// The smoke test starts the platform as `npm start` does, with a fresh temporary data directory and free
// ports, waits for /api/health and the portal's page, then sends SIGINT (Ctrl-C) and checks that it exits
// with 0 and that no process it started is left. It runs the bundles already built (it builds what is
// missing); --build first rebuilds the five apps under that Node, without Nx's cache.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, NX_BIN } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = args.includes('--build');
const versions = args.filter((a) => /^\d+$/.test(a));
if (versions.length === 0) versions.push('22', '24');
const logDir = path.join(root, 'tmp', 'node-versions');

const say = (msg) => process.stdout.write(`[node-versions] ${msg}\n`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The node binary of the registry's `node@<major>` package (npx installs it once, in its cache). */
function nodeBinary(major) {
  const out = execFileSync('npx', ['-y', '-p', `node@${major}`, '-c', 'node -p "process.execPath + \'\\n\' + process.version"'], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [bin, version] = out.trim().split('\n').slice(-2);
  if (!version?.startsWith(`v${major}.`)) throw new Error(`npx -p node@${major} gave ${version ?? 'nothing'}`);
  return { bin, version };
}

/** Runs `node <args>` under `bin`, output to the terminal and to `log`; resolves with the exit code. */
function run(bin, nodeArgs, { env = {}, log, timeoutMs }) {
  return new Promise((resolve) => {
    const file = createWriteStream(log);
    const child = spawn(bin, nodeArgs, { cwd: root, env: { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (d) => {
        process.stdout.write(d);
        file.write(d);
      });
    }
    const timer = setTimeout(() => {
      say(`${path.basename(nodeArgs[0])} ran over ${timeoutMs / 60_000} min: stopping it`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      file.end();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Every process below `pid`, from `ps` (Linux and macOS). */
function descendants(pid) {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of rows) {
      if (found.has(parent) && !found.has(child)) {
        found.add(child);
        grew = true;
      }
    }
  }
  found.delete(pid);
  return [...found];
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false;
  }
}

async function answers(url, check = () => true) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return res.ok && check(await res.text());
  } catch {
    return false;
  }
}

/** `npm start` under `bin` on a fresh data directory and free ports: ready, Ctrl-C, nothing left behind. */
async function smoke(bin, log) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-smoke-'));
  // Root runs PostgreSQL as the postgres user, who must be able to enter the directory.
  chmodSync(dataDir, 0o755);
  const ports = { PORT: await freePort(), EMBEDDED_PG_PORT: await freePort(), EMBEDDED_SMTP_PORT: await freePort(), EMBEDDED_MAIL_WEB_PORT: await freePort(), EMBEDDED_PAYMENT_SANDBOX_PORT: await freePort() };
  const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}`, GUICHET_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_FORMAT: 'json', LOG_LEVEL: 'warn' };
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'PAYMENT_PROVIDER_URL', 'PAYMENT_PROVIDER_PUBLIC_URL', 'PUBLIC_URL']) delete env[name];
  const base = `http://127.0.0.1:${ports.PORT}`;
  const file = createWriteStream(log);
  const t0 = Date.now();
  const start = spawn(bin, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  start.stdout.pipe(file, { end: false });
  start.stderr.pipe(file, { end: false });
  const exited = new Promise((resolve) => start.on('exit', (code, signal) => resolve({ code, signal })));
  const problems = [];
  try {
    // Long enough for npm start to build the five apps first when nothing is built.
    const deadline = Date.now() + 600_000;
    let ready = false;
    while (!ready && Date.now() < deadline && start.exitCode === null) {
      ready = (await answers(`${base}/api/health`)) && (await answers(`${base}/`, (html) => html.includes('<portal-root')));
      if (!ready) await sleep(500);
    }
    if (!ready) {
      problems.push(start.exitCode === null ? `not ready within ${(deadline - t0) / 1000} s` : `npm start exited (${start.exitCode}) before it was ready`);
      return { ok: false, problems, dataDir };
    }
    const readyIn = seconds(t0);
    const admin = await answers(`${base}/admin/`, (html) => html.includes('<base href="/admin/"'));
    if (!admin) problems.push('the back-office page did not answer');
    const children = descendants(start.pid);
    const t1 = Date.now();
    start.kill('SIGINT');
    const timeout = sleep(60_000).then(() => null);
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === null) problems.push('still running 60 s after SIGINT');
    else if (outcome.code !== 0) problems.push(`exited with ${outcome.signal ?? outcome.code} after SIGINT`);
    const stoppedIn = seconds(t1);
    await sleep(500);
    const left = children.filter(alive);
    if (left.length > 0) problems.push(`${left.length} process(es) left: ${left.join(', ')}`);
    return { ok: problems.length === 0, problems, readyIn, stoppedIn, processes: children.length, dataDir };
  } finally {
    if (start.exitCode === null && start.signalCode === null) {
      start.kill('SIGKILL');
      for (const pid of descendants(start.pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
    file.end();
  }
}

function cleanUp(dataDir) {
  // When root and the directory was out of the postgres user's reach, the data lives in /var/tmp behind a symlink.
  const pg = path.join(dataDir, 'postgres');
  try {
    const real = realpathSync(pg);
    if (real !== pg) rmSync(real, { recursive: true, force: true });
  } catch {
    // no data directory
  }
  rmSync(dataDir, { recursive: true, force: true });
}

async function main() {
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const results = [];
  for (const major of versions) {
    const t = Date.now();
    let node;
    try {
      node = nodeBinary(major);
    } catch (err) {
      results.push({ major, line: `node ${major}: could not get it from the registry (${err.message})`, ok: false });
      continue;
    }
    say(`node ${node.version} (${node.bin})`);

    const tu = Date.now();
    say(`node ${node.version}: unit tests…`);
    const unit = await run(node.bin, ['node_modules/jest/bin/jest.js', '-c', 'jest.config.ts', '--ci', '--maxWorkers=2'], {
      log: path.join(logDir, `unit-node${major}.log`),
      timeoutMs: 20 * 60_000,
    });
    const unitLine = `unit tests ${unit === 0 ? 'passed' : `FAILED (exit ${unit})`} in ${seconds(tu)}`;

    let buildLine = '';
    let built = true;
    if (build) {
      const tb = Date.now();
      say(`node ${node.version}: building the five apps (no Nx cache)…`);
      const code = await run(node.bin, [NX_BIN, 'run-many', '-t', 'build', '-p', 'api', 'worker', 'portal', 'admin', 'payment-sandbox', '--outputStyle=static'], {
        env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' },
        log: path.join(logDir, `build-node${major}.log`),
        timeoutMs: 20 * 60_000,
      });
      built = code === 0;
      buildLine = `, build ${built ? 'passed' : `FAILED (exit ${code})`} in ${seconds(tb)}`;
    } else if (!existsSync(path.join(root, 'dist/apps/api/main.js'))) {
      say('(nothing built yet: npm start builds the apps first, under this Node)');
    }

    const ts = Date.now();
    say(`node ${node.version}: npm start smoke test…`);
    const s = built ? await smoke(node.bin, path.join(logDir, `start-node${major}.log`)).catch((err) => ({ ok: false, problems: [err.message] })) : { ok: false, problems: ['not run: the build failed'] };
    if (s.dataDir) cleanUp(s.dataDir);
    const smokeLine = s.ok
      ? `npm start passed (ready in ${s.readyIn}, Ctrl-C to all ${s.processes} processes stopped in ${s.stoppedIn}, none left)`
      : `npm start FAILED: ${s.problems.join('; ')} (log: ${path.relative(root, path.join(logDir, `start-node${major}.log`))})`;
    results.push({ major, ok: unit === 0 && built && s.ok, line: `node ${node.version}: ${unitLine}${buildLine}, ${smokeLine}; ${seconds(t)} in all (smoke ${seconds(ts)})` });
  }
  for (const r of results) say(r.line);
  const failed = results.filter((r) => !r.ok);
  say(failed.length === 0 ? `all passed (${versions.map((v) => `node ${v}`).join(', ')})` : `FAILED: ${failed.map((r) => `node ${r.major}`).join(', ')}`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`[node-versions] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
