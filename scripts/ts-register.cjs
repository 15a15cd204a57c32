// Runs TypeScript scripts (benchmarks, test fixtures) with the workspace's path aliases and decorator
// metadata: `node -r ./scripts/ts-register.cjs some-script.ts`.
const path = require('node:path');
process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.int.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
require('ts-node/register');
require('tsconfig-paths/register');
