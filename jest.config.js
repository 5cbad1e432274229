// Tests are TypeScript compiled by ts-jest without type-checking (tsc --build has already checked
// them). jose 6 ships ESM only, so it is let through the transform and compiled to CommonJS. The
// workspaces' compiled JavaScript (their dist folders, which the integration tests import) is
// CommonJS already: not put through the TypeScript compiler again.
const transform = {
  '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(jose|double-metaphone)/)', '<rootDir>/(packages|subgraphs|gateway)/(.+/)?dist/'],
  modulePathIgnorePatterns: ['<rootDir>/.data/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/(packages|subgraphs|gateway)/(.+/)?dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  // Integration suites start real databases (PGlite compiles WebAssembly on start).
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,subgraphs,gateway}/**/src/**/__tests__/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
  ],
};
