import baseConfig from '../../eslint.config.mjs';

// The fixtures break the boundary rules on purpose: the root config ignores them, and only the
// architecture spec lints them (with ignores switched off).
export default [...baseConfig];
