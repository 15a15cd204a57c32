import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // The root config is reached by a relative path on purpose; the boundary rule is for TypeScript sources.
  { files: ['**/eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
