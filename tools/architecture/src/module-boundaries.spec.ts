import { createProjectGraphAsync, workspaceRoot, type ProjectGraph } from '@nx/devkit';
import type { ESLint } from 'eslint';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';

/**
 * Proves that the boundary rules of the workspace's ESLint config reject what docs/architecture.md forbids.
 * The fixtures (../fixtures) are real Nx projects with tags; each `*.violation.ts` breaks exactly one rule,
 * every other fixture file must lint clean, so a rule that never fires and a rule that always fires both fail.
 * ESLint runs in its own process: jest's module sandbox cannot load the flat config (an ES module).
 * ARCHITECTURE_ESLINT_CONFIG points the test at a candidate config before it replaces the root one.
 */
const configFile = process.env['ARCHITECTURE_ESLINT_CONFIG'] ?? join(workspaceRoot, 'eslint.config.mjs');
const fixturesRoot = join(__dirname, '..', 'fixtures');
const boundaryRule = '@nx/enforce-module-boundaries';

/** What the spec compares of an ESLint message. */
interface Reported {
  readonly ruleId: string | null;
  readonly messageId: string | undefined;
  readonly message: string;
}

const onlyTags = (sourceTag: string): Reported => ({
  ruleId: boundaryRule,
  messageId: 'onlyTagsConstraintViolation',
  message: expect.stringMatching(
    new RegExp(`^A project tagged with "${sourceTag}" can only depend on libs tagged with `),
  ),
});
const banned = (sourceTag: string, imp: string): Reported => ({
  ruleId: boundaryRule,
  messageId: 'bannedExternalImportsViolation',
  message: `A project tagged with "${sourceTag}" is not allowed to import "${imp}"`,
});
const notThroughAlias: Reported = {
  ruleId: boundaryRule,
  messageId: 'noRelativeOrAbsoluteImportsAcrossLibraries',
  message: 'Projects cannot be imported by a relative or absolute path, and must begin with a npm scope',
};

/** Fixture file (relative to fixtures/) => the one error it must raise, grouped by the rule it proves. */
const violations: Record<string, Record<string, Reported>> = {
  "(a) a context imports another context's contracts only": {
    'billing-application/src/other-context-domain.violation.ts': onlyTags('scope:billing'),
    'billing-application/src/other-context-application.violation.ts': onlyTags('scope:billing'),
    'billing-infrastructure/src/other-context-infrastructure.violation.ts': onlyTags('scope:billing'),
    'billing-api/src/other-context-api.violation.ts': onlyTags('scope:billing'),
    'card-requests-contracts/src/domain.violation.ts': onlyTags('type:contracts'),
  },
  '(b) the domain imports no framework and no outer layer': {
    'billing-domain/src/nest.violation.ts': banned('type:domain', '@nestjs/common'),
    'billing-domain/src/typeorm.violation.ts': banned('type:domain', 'typeorm'),
    'billing-domain/src/typeorm-subpath.violation.ts': banned('type:domain', 'typeorm/browser'),
    'billing-domain/src/bullmq.violation.ts': banned('type:domain', 'bullmq'),
    'card-requests-domain/src/application.violation.ts': onlyTags('type:domain'),
    'card-requests-domain/src/infrastructure.violation.ts': onlyTags('type:domain'),
  },
  '(c) the application layer imports no TypeORM and no BullMQ': {
    'billing-application/src/typeorm.violation.ts': banned('type:application', 'typeorm'),
    'billing-application/src/nest-typeorm.violation.ts': banned('type:application', '@nestjs/typeorm'),
    'billing-application/src/bullmq.violation.ts': banned('type:application', 'bullmq'),
  },
  '(d) web code imports no backend lib or package, node code no Angular': {
    'web-ui/src/node-lib.violation.ts': onlyTags('platform:web'),
    'web-ui/src/nest.violation.ts': banned('platform:web', '@nestjs/common'),
    'web-ui/src/typeorm.violation.ts': banned('platform:web', 'typeorm'),
    'node-util/src/angular.violation.ts': banned('platform:node', '@angular/core'),
    'api-host/src/web-lib.violation.ts': onlyTags('platform:node'),
  },
  '(e) another lib is imported through its alias, never by path': {
    'billing-application/src/relative-deep-import.violation.ts': notThroughAlias,
    'billing-domain/src/absolute-deep-import.violation.ts': notThroughAlias,
  },
};

/** Files that use every kind of import the rules must keep legal. */
const allowed = [
  'billing-application/src/other-context-contracts.allowed.ts',
  'billing-api/src/inner-layers.allowed.ts',
  'billing-domain/src/kernel.allowed.ts',
  'billing-infrastructure/src/adapters.allowed.ts',
  'web-ui/src/web.allowed.ts',
  'api-host/src/main.ts',
];

/** Lints the fixtures with the workspace's flat config, ignores switched off (lint runs elsewhere skip them). */
function lintFixtures(): ESLint.LintResult[] {
  const eslintBin = join(workspaceRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(
    process.execPath,
    [eslintBin, '--config', configFile, '--no-ignore', '--format', 'json', fixturesRoot],
    { cwd: workspaceRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  // Exit code 1 means "problems found", which is the point; anything else is a crash.
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`ESLint failed (exit ${run.status}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as ESLint.LintResult[];
}

describe('module boundaries', () => {
  let graph: ProjectGraph;
  const reported = new Map<string, Reported[]>();

  beforeAll(async () => {
    // The rule reads the cached project graph and silently skips when there is none: build it first.
    graph = await createProjectGraphAsync({ exitOnError: false });
    for (const result of lintFixtures()) {
      reported.set(
        relative(fixturesRoot, result.filePath),
        result.messages.map(({ ruleId, messageId, message }) => ({ ruleId, messageId, message })),
      );
    }
  }, 60_000);

  it('finds the fixtures as Nx projects with their tags', () => {
    expect(graph.nodes['fixture-billing-domain']?.data.tags).toEqual(['scope:billing', 'type:domain', 'platform:node']);
    expect(graph.nodes['fixture-web-ui']?.data.tags).toEqual(['scope:shared', 'type:ui', 'platform:web']);
    expect(graph.nodes['fixture-api-host']?.type).toBe('app');
  });

  describe.each(Object.entries(violations))('%s', (_rule, cases) => {
    it.each(Object.entries(cases))('rejects %s', (file, expected) => {
      expect(reported.get(file)).toEqual([expected]);
    });
  });

  it.each(allowed)('accepts %s', (file) => {
    expect(reported.get(file)).toEqual([]);
  });

  it('lints every fixture file, and only the listed violations report anything', () => {
    const expectedFiles = Object.values(violations).flatMap((cases) => Object.keys(cases));
    const offending = [...reported].filter(([, messages]) => messages.length > 0).map(([file]) => file);
    expect(offending.sort()).toEqual([...expectedFiles].sort());
    expect([...reported.keys()]).toEqual(expect.arrayContaining([...expectedFiles, ...allowed]));
  });
});
