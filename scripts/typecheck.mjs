#!/usr/bin/env node
// Type-checks the whole workspace in two TypeScript programs instead of two per project: one for node code
// (apps and libs tagged platform:node or platform:any, their unit and integration specs, tools, benchmarks)
// and one for web code (platform:web: the Angular libs and their specs, and the browser tests). Each file is
// checked once; the per-project runs re-read every shared lib dozens of times.
//
// The builds do not type-check again: the node apps are bundled with `typeCheckOptions: false` (webpack;
// the api's OpenAPI plugin still needs ts-loader's program), and the Angular builds check what tsc cannot
// (templates, with strictTemplates).
//
//   node scripts/typecheck.mjs            # both programs, side by side
import { spawn } from 'node:child_process';
import { createProjectGraphAsync } from '@nx/devkit';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'tmp', 'typecheck');

/** Every project of Nx's project graph, but the architecture test's fixtures (deliberately wrong imports). */
async function projects() {
  const graph = await createProjectGraphAsync({ exitOnError: true });
  return Object.values(graph.nodes)
    .map((node) => ({ name: node.name, root: node.data.root, tags: node.data.tags ?? [] }))
    .filter((project) => !project.root.includes('/fixtures/'))
    .sort((a, b) => a.root.localeCompare(b.root));
}

const all = await projects();
const web = all.filter((p) => p.tags.includes('platform:web'));
const node = all.filter((p) => !p.tags.includes('platform:web'));
const exclude = ['../node_modules', '../dist', '../tmp', '../**/webpack.config.js', '../**/fixtures/**'];

const programs = [
  {
    name: 'node',
    config: {
      extends: '../../tsconfig.base.json',
      compilerOptions: { noEmit: true, module: 'commonjs', moduleResolution: 'node10', types: ['jest', 'node'] },
      include: [...node.map((p) => `../../${p.root}/**/*.ts`), '../../bench/**/*.ts'],
      exclude: exclude.map((e) => `../${e}`),
    },
  },
  {
    name: 'web',
    config: {
      extends: '../../tsconfig.base.json',
      compilerOptions: {
        noEmit: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        emitDecoratorMetadata: false,
        noPropertyAccessFromIndexSignature: true,
        types: ['jest', 'node'],
      },
      include: web.map((p) => `../../${p.root}/**/*.ts`),
      exclude: exclude.map((e) => `../${e}`),
    },
  },
];

mkdirSync(out, { recursive: true });
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const results = await Promise.all(
  programs.map((program) => {
    const file = path.join(out, `tsconfig.${program.name}.json`);
    writeFileSync(file, JSON.stringify(program.config, null, 2));
    const started = Date.now();
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [tsc, '-p', file, '--pretty', 'false'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('exit', (code) => resolve({ name: program.name, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
    });
  }),
);

let failed = false;
for (const result of results) {
  if (result.output.trim()) process.stdout.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
  const count = programs.find((p) => p.name === result.name).config.include.length;
  console.log(`typecheck ${result.name}: ${result.code === 0 ? 'no error' : 'FAILED'} (${count} folders, ${result.seconds.toFixed(1)} s)`);
  failed ||= result.code !== 0;
}
process.exit(failed ? 1 : 0);
