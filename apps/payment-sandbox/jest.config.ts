export default {
  displayName: 'payment-sandbox',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/apps/payment-sandbox',
};
