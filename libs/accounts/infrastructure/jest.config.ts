export default {
  displayName: 'accounts-infrastructure',
  preset: '../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/accounts/infrastructure',
};
