/**
 * Unit tests of the kit's framework-free core (languages, dictionaries, storage).
 * Angular components are exercised in a real browser by the Playwright specs in e2e/.
 */
export default {
  displayName: 'shared-ui',
  preset: '../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/shared/ui',
};
