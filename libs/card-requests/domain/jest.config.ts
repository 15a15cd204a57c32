export default {
  displayName: 'card-requests-domain',
  preset: '../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/card-requests/domain',
};
