import { failureKind } from './failure-kind';

describe('failureKind', () => {
  it.each([
    [{ code: 'ERR_ASSERTION', name: 'AssertionError' }, 'assertion'],
    [{ name: 'AssertionError' }, 'assertion'],
    [
      {
        code: 'ERR_TEST_FAILURE',
        error: 'test failed',
        stderr: "Error [ERR_MODULE_NOT_FOUND]: Cannot find module './x.ts'",
      },
      'missing_module',
    ],
    // The ESM loader raises a missing named export as a SyntaxError: it is still a missing module.
    [
      { stderr: "SyntaxError: The requested module './sum.ts' does not provide an export named 'sum'" },
      'missing_module',
    ],
    [{ stderr: 'SyntaxError [ERR_INVALID_TYPESCRIPT_SYNTAX]: Unexpected token' }, 'syntax'],
    [{ name: 'SyntaxError', error: 'Unexpected identifier' }, 'syntax'],
    [{ code: 'ERR_TEST_FAILURE', error: 'test timed out after 50ms' }, 'timeout'],
    [{ failureType: 'cancelledByParent', error: 'test did not finish' }, 'cancelled'],
    [{ name: 'TypeError', error: 'sum is not a function' }, 'runtime'],
  ] as const)('%j → %s', (facts, kind) => {
    expect(failureKind(facts)).toBe(kind);
  });
});
