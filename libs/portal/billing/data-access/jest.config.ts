/**
 * Unit tests of the API service (Angular's HttpTestingController, no browser) and of the framework-free
 * helpers; the pages run in Chromium in e2e/specs/billing-portal.spec.ts. Angular ships ES modules
 * only (`.mjs`): the preset's swc transform turns them into CommonJS for Jest.
 */
export default {
  displayName: 'portal-billing-data-access',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../../coverage/libs/portal/billing/data-access',
};
