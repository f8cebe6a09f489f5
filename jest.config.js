// Test levels are named by suffix: *.unit.spec.ts (pure), *.int.spec.ts (real services), test/**/*.e2e-spec.ts.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@app/(domain|platform|testing)$': '<rootDir>/libs/$1/src',
    '^@app/(domain|platform|testing|client)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // A global option (ignored inside projects): integration and end-to-end tests talk to real services.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.unit.spec.ts', '<rootDir>/test/unit/**/*.unit.spec.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts', '<rootDir>/test/integration/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infra/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infra/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infra/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infra/global-teardown.ts',
    },
  ],
};
