const nxPreset = require('@nx/jest/preset').default;

/**
 * One transform for every Jest project, unit and integration: swc turns TypeScript (and Angular's ES
 * modules) into CommonJS without type-checking. Types are checked once for the whole workspace by
 * `npm run typecheck` (scripts/typecheck.mjs), which `npm test` runs before the tests.
 *
 * The output keeps what tsc's would do here: legacy decorators with their `design:*` metadata (Nest's
 * dependency injection, TypeORM, class-validator) and ES2022 class fields with define semantics
 * (TypeScript's default for target es2022).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2022',
      keepClassNames: true,
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/** Angular and rxjs ship ES modules only: they are transformed like our code; other packages are not. */
const esmPackages = ['@angular', 'rxjs'];

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|mjs|js)$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'mjs', 'js', 'json'],
};
