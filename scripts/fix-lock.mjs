#!/usr/bin/env node
// Keeps package-lock.json usable by `npm ci` when the registry this machine reaches lacks some
// platform-specific optional packages (darwin, win32, musl… builds of esbuild-like binaries). `npm install`
// then leaves them out of the lock, and `npm ci` refuses the lock as "out of sync". This adds, for each
// optional dependency missing from the lock, an entry that names its platform (`os`, `cpu`, `libc`), so
// `npm ci` knows it and skips it on a machine it doesn't fit. Run it after every `npm install`:
//   npm install … && node scripts/fix-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = path.join(root, 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OSES = { darwin: 'darwin', win32: 'win32', windows: 'win32', linux: 'linux', android: 'android', freebsd: 'freebsd', openbsd: 'openbsd', openharmony: 'openharmony', sunos: 'sunos', aix: 'aix' };
const CPUS = ['arm64', 'x64', 'ia32', 'ppc64', 'loong64', 'riscv64', 's390x', 'mips64el', 'arm'];

/** The platform a package is built for, read from its name (`@rollup/rollup-linux-arm64-musl`). */
function platformOf(name) {
  const parts = name.replace(/^@[^/]+\//, '').split('-');
  const os = parts.map((p) => OSES[p]).find(Boolean);
  const cpu = parts.find((p) => CPUS.includes(p)) ?? (parts.includes('arm') || parts.some((p) => p.startsWith('arm')) ? 'arm' : undefined);
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : undefined;
  // Builds for no known platform ("unknown-all") fit none of ours.
  return { os: [os ?? 'none'], cpu: [cpu ?? 'none'], ...(libc ? { libc: [libc] } : {}) };
}

/** Where Node would look for `dep` required from the package at `from` (its own node_modules, then up). */
function resolveFrom(from, dep) {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const idx = dir.lastIndexOf('/node_modules/');
    dir = idx === -1 ? '' : dir.slice(0, idx);
  }
}

let added = 0;
for (const [location, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (resolveFrom(location, dep)) continue;
    const version = String(spec).replace(/^[\^~=]/, '');
    packages[`node_modules/${dep}`] = {
      version,
      optional: true,
      ...(pkg.dev ? { dev: true } : {}),
      ...(pkg.devOptional ? { devOptional: true } : {}),
      ...platformOf(dep),
    };
    added += 1;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`fix-lock: ${added} optional platform package(s) recorded for other platforms`);
