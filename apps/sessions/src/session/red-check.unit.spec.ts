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
});
