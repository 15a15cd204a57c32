/**
 * Unit tests of the feature's framework-free code (the ALTCHA solver). Its screens are exercised in a
 * real browser by the Playwright specs in e2e/.
 */
export default {
  displayName: 'portal-accounts-feature',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../../coverage/libs/portal/accounts/feature',
};
