// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      '.infra/**',
      'coverage/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      '**/vite.config.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
        {
          selector:
            "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
          message: 'No `as unknown as`: type the boundary (a type guard, a checked parse) instead.',
        },
      ],
      eqeqeq: ['error', 'always'],
      // Promise-returning interfaces are often implemented by synchronous bodies.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // One concept per file, functions a reader can hold in mind (tests may be longer).
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'libs/testing/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The browser apps: hooks called by the rules, effects that name what they read.
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts', 'apps/explorer/**/*.tsx', 'apps/explorer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // One write path: a service's transactions are units of work (a stream-order refusal retried).
    files: ['apps/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@app/platform',
              importNames: ['inTransaction'],
              message: 'Write through withUnitOfWork (and CommandHandler for a stream), the one write path.',
            },
          ],
        },
      ],
    },
  },
  {
    // Deciders and states are pure: time and ids come in with the command.
    files: ['**/*.decide.ts', '**/*.decider.ts', '**/*.state.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
        {
          selector:
            "TSAsExpression[expression.type='TSAsExpression'][expression.typeAnnotation.type='TSUnknownKeyword']",
          message: 'No `as unknown as`: type the boundary (a type guard, a checked parse) instead.',
        },
        {
          selector: "NewExpression[callee.name='Date'], CallExpression[callee.name='Date']",
          message: 'A decider or state takes the time from the command (`at`).',
        },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'A decider or state takes the time from the command (`at`).',
        },
        {
          selector: "CallExpression[callee.name='randomUUID']",
          message: 'A decider or state takes ids from the command.',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'A decider or state takes ids from the command.' },
        {
          object: 'crypto',
          property: 'randomUUID',
          message: 'A decider or state takes ids from the command.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:crypto', 'crypto'].map((name) => ({
            name,
            message: 'A decider or state takes ids from the command.',
          })),
        },
      ],
    },
  },
  {
    files: ['types/**/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/testing/src/**/*.ts'],
    rules: {
      // Tests may force a fixture into a shape (a fake client, a partial state).
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
      ],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
