// One jest run for every package. TypeScript is transformed by SWC (no type-check here: `npm run
// typecheck` does that); see docs/adr/0006-test-toolchain.md.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/scripts', '<rootDir>/migrations'],
  testMatch: ['**/test/**/*.test.ts', '**/scripts/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^@audit-gateway/([a-z]+)$': '<rootDir>/packages/$1/src' },
  globalSetup: '<rootDir>/packages/store/test-support/globalSetup.ts',
  globalTeardown: '<rootDir>/packages/store/test-support/globalTeardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
