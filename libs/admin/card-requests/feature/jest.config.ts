/**
 * Unit tests of the card desk's helpers and of its HTTP service (through Angular's
 * HttpTestingController). Angular ships ES modules only, so its `.mjs` files are transpiled to
 * CommonJS like our TypeScript; the pages are exercised in a real browser by e2e/specs/card-requests-*.spec.ts.
 */
export default {
  displayName: 'admin-card-requests-feature',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../../coverage/libs/admin/card-requests/feature',
};
