import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';

/** The bounded contexts. Each gets its scope tag; a context may use another context's contracts only. */
const contexts = ['accounts', 'card-requests', 'registrations', 'examinations', 'seats', 'billing'];

/** A banned package is banned with its subpaths (`typeorm/browser`, `rxjs/operators`): the rule matches the whole specifier. */
const withSubpaths = (packages) => packages.flatMap((p) => (p.endsWith('/*') ? [p] : [p, `${p}/*`]));

/** Packages that belong to infrastructure: the domain and the application layer never import them. */
const persistenceAndQueues = withSubpaths(['typeorm', '@nestjs/typeorm', 'bullmq', '@nestjs/bullmq', 'ioredis', 'pg', 'redis']);
const backendOnly = [...withSubpaths(['@nestjs/*', 'express', 'pino', 'nestjs-pino', 'class-validator', 'class-transformer']), ...persistenceAndQueues];
const frameworksOfTheDomain = [...backendOnly, ...withSubpaths(['@angular/*', 'rxjs'])];

export const depConstraints = [
  // Scopes: shared code knows no context; a context sees itself, shared code and other contexts' contracts.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // Apps are the composition roots: they wire shared libs and every context's outer layer (apps/api: the api modules).
  { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:shared', ...contexts.map((c) => `scope:${c}`)] },
  ...contexts.map((c) => ({
    sourceTag: `scope:${c}`,
    onlyDependOnLibsWithTags: [`scope:${c}`, 'scope:shared', 'type:contracts'],
  })),
  // Layers.
  { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'], bannedExternalImports: frameworksOfTheDomain },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel'], bannedExternalImports: frameworksOfTheDomain },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel'], bannedExternalImports: [...persistenceAndQueues, '@angular/*'] },
  {
    sourceTag: 'type:application',
    onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contracts', 'type:kernel', 'type:util'],
    bannedExternalImports: persistenceAndQueues,
  },
  {
    sourceTag: 'type:infrastructure',
    onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:contracts', 'type:kernel', 'type:util'],
  },
  {
    sourceTag: 'type:api',
    onlyDependOnLibsWithTags: ['type:api', 'type:infrastructure', 'type:application', 'type:domain', 'type:contracts', 'type:kernel', 'type:util'],
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:kernel'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:kernel'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:kernel'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:kernel'] },
  // Platforms: web code imports no backend lib and no backend package.
  { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:any'], bannedExternalImports: backendOnly },
  { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:node', 'platform:any'], bannedExternalImports: ['@angular/*'] },
  { sourceTag: 'platform:any', onlyDependOnLibsWithTags: ['platform:any'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  // The architecture fixtures break the boundaries on purpose; tools/architecture's spec lints them itself.
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', '**/.data', '**/tmp', '**/test-results', 'tools/architecture/fixtures/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // The kernel and the domains are plain TypeScript: no Node built-in either (the Nx rule checks packages only).
  {
    files: ['libs/shared/kernel/src/**/*.ts', 'libs/*/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: 'The domain imports only the kernel: put this behind a port or in the application layer.' })),
          patterns: [{ group: ['node:*'], message: 'The domain imports only the kernel: put this behind a port or in the application layer.' }],
        },
      ],
    },
  },
  // The workspace's command-line scripts talk to a terminal, and an ignored log line is a no-op on purpose.
  {
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-empty-function': 'off' },
  },
  // A project's eslint.config.mjs extends this file by relative path: that is no import between projects.
  { files: ['**/eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
