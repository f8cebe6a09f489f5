import type { SandboxOutcome } from '@app/domain';
import type { TestResult } from './sandbox.port';

export interface RunFacts {
  /** The runner's own failure (could not create, copy in, start, ...). */
  readonly runnerError: string | null;
  readonly killedBy: 'timeout' | 'output_limit' | null;
  readonly oomKilled: boolean;
  /** The run's disk quota filled up (measured, or ENOSPC reported). */
  readonly diskFull: boolean;
  readonly exitCode: number | null;
  readonly tests: readonly TestResult[];
}

/** Counts of the tests that really ran (skipped and todo tests did not). */
export function executedTests(tests: readonly TestResult[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const test of tests) {
    if (test.status === 'PASSED') passed += 1;
    else if (test.status === 'FAILED' || test.status === 'CANCELLED') failed += 1;
  }
  return { passed, failed };
}

/**
 * Exactly one outcome per run. The runner's own kills come first (they explain the exit code),
 * then the kernel's OOM kill, then a full disk quota (never PASSED); a run in which no test
 * executed is NO_TESTS, never PASSED.
 */
export function classifyOutcome(facts: RunFacts): SandboxOutcome {
  if (facts.runnerError !== null) return 'ERROR';
  if (facts.killedBy === 'timeout') return 'TIMEOUT';
  if (facts.killedBy === 'output_limit') return 'OUTPUT_LIMIT';
  if (facts.oomKilled) return 'OOM';
  if (facts.diskFull) return 'DISK_LIMIT';
  const { passed, failed } = executedTests(facts.tests);
  if (failed > 0) return 'FAILED';
  if (passed === 0) return facts.exitCode === 0 ? 'NO_TESTS' : 'FAILED';
  return facts.exitCode === 0 ? 'PASSED' : 'FAILED';
}
