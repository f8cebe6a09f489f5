import { parseTapReport } from './tap-report';

const NESTED = `TAP version 13
# Subtest: math
    # Subtest: adds
    ok 1 - adds
      ---
      duration_ms: 0.5
      type: 'test'
      ...
    # Subtest: subtracts
    not ok 2 - subtracts
      ---
      duration_ms: 0.7
      type: 'test'
      location: '/sandbox/workspace/math.test.ts:4:3'
      failureType: 'testCodeFailure'
      error: |-
        Expected values to be strictly equal:

        1 !== 2
      code: 'ERR_ASSERTION'
      name: 'AssertionError'
      expected: 2
      actual: 1
      operator: 'strictEqual'
      ...
    1..2
not ok 1 - math
  ---
  duration_ms: 2
  type: 'suite'
  ...
# Subtest: later \\# one
ok 2 - later \\# one # SKIP not yet
  ---
  duration_ms: 0.1
  type: 'test'
  ...
# Subtest: planned
ok 3 - planned # TODO
  ---
  type: 'test'
  ...
1..3
# tests 4
# pass 1
# fail 1
`;

const FILE_FAILURES = `TAP version 13
# file:///sandbox/workspace/bad.test.ts:1
# SyntaxError [ERR_INVALID_TYPESCRIPT_SYNTAX]: Unexpected token \`=\`.
# Node.js v24.21.0
# Subtest: bad.test.ts
not ok 1 - bad.test.ts
  ---
  duration_ms: 59
  type: 'test'
  location: '/sandbox/workspace/bad.test.ts:1:1'
  failureType: 'testCodeFailure'
  exitCode: 1
  error: 'test failed'
  code: 'ERR_TEST_FAILURE'
  ...
# Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/sandbox/workspace/sum.ts' imported from /sandbox/workspace/sum.test.ts
# Subtest: sum.test.ts
not ok 2 - sum.test.ts
  ---
  duration_ms: 53
  type: 'test'
  location: '/sandbox/workspace/sum.test.ts:1:1'
  failureType: 'testCodeFailure'
  exitCode: 1
  error: 'test failed'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: slow
not ok 3 - slow
  ---
  type: 'test'
  failureType: 'testTimeoutFailure'
  error: 'test timed out after 100ms'
  code: 'ERR_TEST_FAILURE'
  ...
# Subtest: throws
not ok 4 - throws
  ---
  type: 'test'
  failureType: 'testCodeFailure'
  error: 'not implemented'
  code: 'ERR_TEST_FAILURE'
  name: 'Error'
  ...
`;

describe('parseTapReport', () => {
  it('names nested tests by their path, skips suites and reads directives', () => {
    const tests = parseTapReport(NESTED);
    expect(tests.map((t) => [t.name, t.status])).toEqual([
      ['math > adds', 'PASSED'],
      ['math > subtracts', 'FAILED'],
      ['later # one', 'SKIPPED'],
      ['planned', 'TODO'],
    ]);
    expect(tests[1]).toMatchObject({
      failureKind: 'assertion',
      durationMs: 0.7,
      file: '/sandbox/workspace/math.test.ts',
    });
    expect(tests[1].message).toContain('1 !== 2');
    expect(tests[1].message).toContain('expected: 2, actual: 1');
    expect(tests[0]).toMatchObject({ message: null, failureKind: null });
  });

  it('explains a file that failed to load with what it printed, and classifies it', () => {
    const tests = parseTapReport(FILE_FAILURES);
    expect(tests.map((t) => [t.name, t.failureKind])).toEqual([
      ['bad.test.ts', 'syntax'],
      ['sum.test.ts', 'missing_module'],
      ['slow', 'timeout'],
      ['throws', 'runtime'],
    ]);
    expect(tests[0].message).toMatch(/^SyntaxError \[ERR_INVALID_TYPESCRIPT_SYNTAX\]/);
    expect(tests[1].message).toMatch(/^Error \[ERR_MODULE_NOT_FOUND\]: Cannot find module/);
  });

  it('returns nothing for text that is not TAP, and tolerates a broken YAML block', () => {
    expect(parseTapReport('hello\nworld')).toEqual([]);
    const tests = parseTapReport('TAP version 13\nnot ok 1 - x\n  ---\n  error: [unclosed\n  ...\n');
    expect(tests).toMatchObject([{ name: 'x', status: 'FAILED', failureKind: 'runtime' }]);
  });
});
