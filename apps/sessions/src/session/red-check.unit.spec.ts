import { redVerdict } from './red-check';

const t = (status: string, failureKind: string | null = null) => ({
  name: `${status}-${failureKind}`,
  status,
  failureKind,
  message: null,
});

describe('redVerdict', () => {
  it('is red when tests ran, none passed, and every failure is an assertion or a missing module', () => {
    expect(
      redVerdict({ outcome: 'FAILED', tests: [t('FAILED', 'assertion'), t('FAILED', 'missing_module')] }),
    ).toEqual({ red: true });
  });

  it.each([
    [{ outcome: 'FAILED' as const, tests: [t('FAILED', 'syntax')] }, /wrong reason/],
    [
      { outcome: 'FAILED' as const, tests: [t('FAILED', 'assertion'), t('PASSED')] },
      /passed before any code exists/,
    ],
    [{ outcome: 'NO_TESTS' as const, tests: [] }, /no test was executed/],
    [{ outcome: 'TIMEOUT' as const, tests: [] }, /hit a limit \(TIMEOUT\)/],
  ])('is not red, but fixable: %j', (run, reason) => {
    const verdict = redVerdict(run);
    expect(verdict).toMatchObject({ red: false, fixable: true });
    expect(verdict.red === false && verdict.reason).toMatch(reason);
  });

  it('is not fixable by the LLM when the sandbox itself failed', () => {
    expect(redVerdict({ outcome: 'ERROR', tests: [] })).toMatchObject({ red: false, fixable: false });
  });

  it('lets unchanged tests pass beside the changed ones when reworking, not the changed ones', () => {
    const test = (name: string, status: string, failureKind: string | null = null) => ({
      name,
      status,
      failureKind,
      message: null,
    });
    const changed = ['adds the line totals, rounded to cents [AC-1]'];
    const rework = {
      outcome: 'FAILED' as const,
      tests: [
        test('adds the line totals, rounded to cents', 'FAILED', 'assertion'),
        test('an empty invoice totals zero', 'PASSED'),
      ],
    };
    expect(redVerdict(rework, changed)).toEqual({ red: true });
    expect(redVerdict(rework)).toMatchObject({
      red: false,
      reason: expect.stringMatching(/before any code exists/),
    });
    const untested = {
      outcome: 'FAILED' as const,
      tests: [
        test('adds the line totals, rounded to cents', 'PASSED'),
        test('an empty invoice totals zero', 'FAILED', 'assertion'),
      ],
    };
    expect(redVerdict(untested, changed)).toEqual({
      red: false,
      fixable: true,
      reason:
        'tests of changed assertions passed against the old code, so they do not test the change: adds the line totals, rounded to cents',
    });
    expect(
      redVerdict({ outcome: 'PASSED', tests: [test('an empty invoice totals zero', 'PASSED')] }, changed),
    ).toMatchObject({
      red: false,
      reason:
        'no test failed against the existing code: the tests of the new or changed assertions must fail before the code changes',
    });
  });
});
