export default {
  displayName: 'billing-infrastructure',
  preset: '../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/billing/infrastructure',
};
