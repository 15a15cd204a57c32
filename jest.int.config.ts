import type { Config } from 'jest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathsToModuleNameMapper } from 'ts-jest';

const { compilerOptions } = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));

/**
 * Integration specs (`*.int-spec.ts`) against real servers. Run them through the harness, which starts
 * PostgreSQL, Redis and maildev and passes their addresses: `npm run test:int`. The preset gives the same
 * transform (swc) as the unit tests; the workspace's path aliases come from tsconfig.base.json.
 */
const config: Config = {
  displayName: 'integration',
  preset: './jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 120_000,
  maxWorkers: 1,
};

export default config;
