/** Angular ships ES modules only (`.mjs`): the preset's swc transform turns them into CommonJS for Jest. */
export default {
  displayName: 'shared-web-http',
  preset: '../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../../coverage/libs/shared/web-http',
};
