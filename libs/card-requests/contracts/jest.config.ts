export default {
  displayName: 'card-requests-contracts',
  preset: '../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/card-requests/contracts',
};
