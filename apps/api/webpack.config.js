const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api') },
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
      // Documents DTO properties in the OpenAPI document from their types and class-validator decorators.
      // It needs ts-loader's whole type program (about twice the CPU of a transpile-only rebuild), so
      // `npm run dev` (GUICHET_DEV_BUILD=1) leaves it out: its /api/docs lists routes without DTO schemas.
      transformers: process.env.GUICHET_DEV_BUILD === '1' ? [] : [{ name: '@nestjs/swagger/plugin', options: { classValidatorShim: true, introspectComments: true } }],
    }),
  ],
};
