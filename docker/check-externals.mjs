// Fails the image build when a webpack bundle requires a package that the
// runtime node_modules cannot resolve: webpack keeps node_modules external, and
// the production install is pruned, so a missing package would otherwise only
// show up as a crash when the container starts.
//
// Usage: node check-externals.mjs <bundle.js> [<bundle.js>...]   (run from /app)
import { readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { resolve } from 'node:path';

const bundles = process.argv.slice(2);
if (bundles.length === 0) {
  console.error('usage: node check-externals.mjs <bundle.js> [<bundle.js>...]');
  process.exit(2);
}

const specifier = /(?<![\w$.])require\(\s*(["'])([^"'\s]+)\1\s*\)/g;
const requireFromApp = createRequire(resolve('package.json'));
let failures = 0;

for (const bundle of bundles) {
  const source = readFileSync(bundle, 'utf8');
  const packages = new Set();
  for (const match of source.matchAll(specifier)) {
    const name = match[2];
    // Relative paths are webpack chunks or files shipped next to the bundle.
    if (!name.startsWith('.') && !name.startsWith('/') && !isBuiltin(name)) packages.add(name);
  }
  const missing = [...packages].filter((name) => {
    try {
      requireFromApp.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    failures += missing.length;
    console.error(`${bundle}: cannot resolve ${missing.join(', ')}`);
  } else {
    process.stdout.write(`${bundle}: ${packages.size} external packages resolve\n`);
  }
}

process.exit(failures === 0 ? 0 : 1);
