/**
 * Unit tests of the finance desk's helpers and of its HTTP service (through Angular's
 * HttpTestingController). Angular ships ES modules only, so its `.mjs` files are transpiled to
 * CommonJS like our TypeScript; the pages are exercised in a real browser by e2e/specs/billing-*.spec.ts.
 */
export default {
  displayName: 'admin-billing-feature',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../../coverage/libs/admin/billing/feature',
};
