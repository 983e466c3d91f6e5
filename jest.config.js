/** Tests run against the TypeScript sources; `npm test` type-checks them first with `tsc -b`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }],
  },
  collectCoverageFrom: ['src/**/*.ts'],
  testTimeout: 120000,
};
