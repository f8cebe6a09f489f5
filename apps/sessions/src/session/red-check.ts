import type { SandboxOutcome } from '@app/domain';
import { normalizeTestName, testEvidence } from '@app/domain';

export interface RunSummary {
  readonly outcome: SandboxOutcome;
  readonly tests: readonly {
    readonly name: string;
    readonly status: string;
    readonly failureKind: string | null;
    readonly message: string | null;
  }[];
}

export type RedVerdict =
  { readonly red: true } | { readonly red: false; readonly fixable: boolean; readonly reason: string };

/**
 * Tests written before their code must be red: at least one test executed, none passed, and every
 * failure an assertion or a missing module — not a syntax or compile error, which goes back to the
 * LLM to fix. Limits hit by the run itself (timeout, memory, output) are fixable too.
 *
 * Reworked tests run against the existing code (`changedAssertions` given): the tests of the new or
 * changed assertions must fail on an assertion, the others may pass.
 */
export function redVerdict(run: RunSummary, changedAssertions?: readonly string[]): RedVerdict {
  if (run.outcome === 'ERROR')
    return { red: false, fixable: false, reason: 'the sandbox could not run the tests' };
  if (run.outcome === 'NO_TESTS') return { red: false, fixable: true, reason: 'no test was executed' };
  if (['TIMEOUT', 'OOM', 'OUTPUT_LIMIT', 'DISK_LIMIT'].includes(run.outcome))
    return { red: false, fixable: true, reason: `the test run hit a limit (${run.outcome})` };
  const passed = run.tests.filter((t) => t.status === 'PASSED');
  const mustFail = changedAssertions
    ? passed.filter((t) => changedAssertions.some((a) => normalizeTestName(a) === normalizeTestName(t.name)))
    : passed;
  if (mustFail.length > 0)
    return {
      red: false,
      fixable: true,
      reason: changedAssertions
        ? `tests of changed assertions passed against the old code, so they do not test the change: ${mustFail.map((t) => t.name).join(', ')}`
        : `tests passed before any code exists, so they test nothing: ${passed.map((t) => t.name).join(', ')}`,
    };
  const failed = run.tests.filter((t) => t.status === 'FAILED' || t.status === 'CANCELLED');
  if (failed.length === 0)
    return {
      red: false,
      fixable: true,
      reason: changedAssertions
        ? 'no test failed against the existing code: the tests of the new or changed assertions must fail before the code changes'
        : 'no test was executed',
    };
  const broken = failed.filter((t) => testEvidence(t) !== 'RED');
  if (broken.length > 0)
    return {
      red: false,
      fixable: true,
      reason: `tests failed for the wrong reason (${broken.map((t) => `${t.name}: ${t.failureKind ?? 'unknown'}`).join('; ')})`,
    };
  return { red: true };
}
