import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  // The fixtures break the boundary rules on purpose; only the architecture spec lints them.
  { ignores: ['**/architecture/fixtures/**'] },
  // This file extends the root config by relative path, which is no module boundary.
  { files: ['**/eslint.config.mjs'], rules: { '@nx/enforce-module-boundaries': 'off' } },
];
