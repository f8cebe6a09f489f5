import { normalizeTestName } from '@app/domain';

/**
 * Which assertion each test of a run verifies: a test named as the assertion reads (citations and
 * case aside), or containing those words. `names` are the tests the run reported and declared.
 */
export function alignRun(
  assertions: readonly string[],
  names: readonly string[],
): { assertions: { assertion: string; testName: string | null }[]; missing: string[] } {
  const aligned = assertions.map((assertion) => {
    const wanted = normalizeTestName(assertion);
    const testName =
      names.find((name) => {
        const normalized = normalizeTestName(name);
        return wanted.length > 0 && (normalized === wanted || normalized.includes(wanted));
      }) ?? null;
    return { assertion, testName };
  });
  return { assertions: aligned, missing: aligned.filter((a) => a.testName === null).map((a) => a.assertion) };
}
