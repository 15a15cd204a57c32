/** Angular ships ES modules only (`.mjs`): babel-jest turns them into CommonJS for Jest. */
export default {
  displayName: 'shared-web-http',
  preset: '../../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', isolatedModules: true }],
    '^.+\\.m?js$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@angular|rxjs)/)'],
  moduleFileExtensions: ['ts', 'mjs', 'js', 'json'],
  coverageDirectory: '../../../coverage/libs/shared/web-http',
};
