export default {
  displayName: 'card-requests-infrastructure',
  preset: '../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/card-requests/infrastructure',
};
