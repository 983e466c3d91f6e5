/**
 * Tests run against the TypeScript sources; `npm test` type-checks them first with `tsc -b`.
 *
 * Two projects: every test with the synth-time check's shortcuts on (the default), and the tests
 * that synthesize apps again with them off (`src/analysis/private/shortcuts`), so that the plain
 * path stays correct and gives the same findings and YAML.
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }],
  },
};

module.exports = {
  collectCoverageFrom: ['src/**/*.ts'],
  testTimeout: 120000,
  projects: [
    { ...base, displayName: 'shortcuts', testMatch: ['**/*.test.ts'] },
    {
      ...base,
      displayName: 'plain synthesis',
      setupFiles: ['<rootDir>/test/support/plain-synthesis.ts'],
      testMatch: [
        '<rootDir>/test/analysis/istio-analysis.test.ts',
        '<rootDir>/test/analysis/private/shortcuts/*.test.ts',
        '<rootDir>/test/release-targeting.test.ts',
        '<rootDir>/test/routing-example.test.ts',
        '<rootDir>/test/walkthrough-*.test.ts',
      ],
    },
  ],
};
