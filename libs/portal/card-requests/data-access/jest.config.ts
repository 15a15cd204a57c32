/**
 * Unit tests of the API service (Angular's HttpTestingController, no browser) and of the framework-free
 * helpers; the pages run in Chromium in e2e/specs/card-requests-portal.spec.ts. Angular ships ES modules
 * only (`.mjs`): babel-jest turns them into CommonJS for Jest.
 */
export default {
  displayName: 'portal-card-requests-data-access',
  preset: '../../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', isolatedModules: true }],
    '^.+\\.m?js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@angular|rxjs)/)'],
  moduleFileExtensions: ['ts', 'mjs', 'js', 'json'],
  coverageDirectory: '../../../../coverage/libs/portal/card-requests/data-access',
};
