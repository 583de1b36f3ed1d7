/**
 * Two projects: `node` for core, server and the local cloud; `jsdom` for the mini-program pages
 * under miniprogram-simulate. TypeScript is stripped by @swc/jest (fast, no type check) — types are
 * checked once, by `npm run typecheck`.
 */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2020' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@beian/core$': '<rootDir>/core/src/index.ts' },
  rootDir: __dirname,
  // Build output holds copies of the functions' package.json files; jest must not index them.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/core/dist/'],
  // Rendering a page under miniprogram-simulate takes 1–2 s alone and over 5 s on a loaded
  // 2-core machine: jest's default 5 s timed tests out that had done nothing wrong.
  testTimeout: 20_000,
};

module.exports = {
  // The global setup is TypeScript too, and is transformed with the root config.
  transform: shared.transform,
  globalSetup: '<rootDir>/test/setup/global.ts',
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{core,server,local,e2e}/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/miniprogram/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/setup/miniprogram.ts'],
    },
  ],
};
