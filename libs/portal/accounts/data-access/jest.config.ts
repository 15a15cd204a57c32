/**
 * Unit tests of the framework-free helpers; the pages and the session are exercised in a real
 * browser by the Playwright specs in e2e/ (accounts-*.spec.ts).
 */
export default {
  displayName: 'portal-accounts-data-access',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../../coverage/libs/portal/accounts/data-access',
};
