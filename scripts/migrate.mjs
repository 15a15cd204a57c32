#!/usr/bin/env node
// `npm run migrate`: runs every context's migrations against DATABASE_URL, or against the embedded
// PostgreSQL of `npm start` (data in .data/postgres) when DATABASE_URL is unset.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NX_BIN, startPostgres } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'dist/apps/api/main.js');

if (!existsSync(api)) {
  const built = spawnSync(process.execPath, [NX_BIN, 'build', 'api'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const env = { ...process.env, RUN_MODE: 'migrate' };
let pg = null;
if (!env.DATABASE_URL) {
  pg = await startPostgres({ dataDir: path.join(root, '.data', 'postgres'), port: Number(process.env.EMBEDDED_PG_PORT ?? 5433) });
  env.DATABASE_URL = pg.url;
}
const result = spawnSync(process.execPath, [api], { cwd: root, env, stdio: 'inherit' });
await pg?.stop();
process.exit(result.status ?? 1);
