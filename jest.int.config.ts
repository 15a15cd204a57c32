import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { compilerOptions } = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));

/**
 * Integration specs (`*.int-spec.ts`) against real servers. Run them through the harness, which starts
 * PostgreSQL, Redis and maildev and passes their addresses: `npm run test:int`.
 */
const config: Config = {
  displayName: 'integration',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.int.json', isolatedModules: true }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 120_000,
  maxWorkers: 1,
};

export default config;
