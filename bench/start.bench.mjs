#!/usr/bin/env node
// `npm run bench:start`: how long `npm start` takes to be ready with the apps already built, on a fresh
// data directory (cold: initdb, migrations) and again on the same one (warm); the resident memory of the
// api and the worker at rest; and that Ctrl-C leaves no process behind.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-start-bench-'));
const restSeconds = Number(process.env.REST_SECONDS ?? 15);

const rssMiB = (pid) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function once(label) {
  const env = {
    ...process.env,
    GUICHET_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_PG_PORT: String(await freePort()),
    EMBEDDED_SMTP_PORT: String(await freePort()),
    EMBEDDED_MAIL_WEB_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']) delete env[name];
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const pids = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/pids\s+api (\d+), worker (\d+)/);
      if (m) resolve({ api: Number(m[1]), worker: Number(m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${out}`)));
  });
  const readySeconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, restSeconds * 1000));
  const rss = { api: rssMiB(pids.api), worker: rssMiB(pids.worker) };
  const postgres = execFileSync('pgrep', ['-f', `postgres -D .* -p ${env.EMBEDDED_PG_PORT}`], { encoding: 'utf8' }).trim().split('\n').map(Number);
  const t1 = performance.now();
  child.kill('SIGINT');
  await new Promise((r) => child.on('exit', r));
  const stopSeconds = (performance.now() - t1) / 1000;
  const leftovers = [pids.api, pids.worker, ...postgres].filter(alive);
  return { label, readySeconds, rss, stopSeconds, leftovers };
}

const print = (line = '') => process.stdout.write(`${line}\n`);

try {
  const runs = [await once('cold (fresh data directory: initdb + migrations)'), await once('warm (same data directory)')];
  print('\n`npm start` with the apps built (2-core machine)\n');
  print('| run | ready in | api RSS at rest | worker RSS at rest | Ctrl-C to all stopped | processes left |');
  print('|---|---|---|---|---|---|');
  for (const r of runs) {
    print(`| ${r.label} | ${r.readySeconds.toFixed(1)} s | ${r.rss.api.toFixed(0)} MiB | ${r.rss.worker.toFixed(0)} MiB | ${r.stopSeconds.toFixed(1)} s | ${r.leftovers.length === 0 ? 'none' : r.leftovers.join(', ')} |`);
  }
  print(`\n(RSS read ${restSeconds} s after ready)`);
  if (runs.some((r) => r.leftovers.length > 0)) process.exitCode = 1;
} finally {
  // As root the cluster may live in /var/tmp behind a symlink (see scripts/services.mjs): remove both.
  const cluster = path.join(dataDir, 'postgres');
  if (existsSync(cluster)) rmSync(realpathSync(cluster), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
