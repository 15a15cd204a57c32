const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/payment-sandbox') },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      outputHashing: 'none',
      generatePackageJson: false,
      externalDependencies: 'all',
      optimization: false,
      sourceMap: true,
      // Types are checked once for the whole workspace (scripts/typecheck.mjs, in npm test), not again here.
      typeCheckOptions: false,
    }),
  ],
};
