import type { SandboxRunRecorded } from '../contracts/sessions.contract';
import { isGreenRun, isRedRun, testEvidence } from '../contracts/sessions.contract';

export type RunEvidence = 'RED' | 'GREEN' | 'NONE';

const FAILURE_WORDS: Readonly<Record<string, string>> = {
  syntax: 'a syntax error',
  compile: 'a compile error',
  timeout: 'a timeout',
  crash: 'a crash',
  runtime: 'an error that is not an assertion',
  missing_dependency: "a missing module that is not the component's own implementation",
};

const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  NO_TESTS: 'no test ran',
  TIMEOUT: 'the run timed out',
  OOM: 'the run ran out of memory',
  OUTPUT_LIMIT: 'the run printed more than its output limit',
  DISK_LIMIT: 'the run filled its disk quota',
  ERROR: 'the run could not be carried out',
};

/**
 * What a run proves, and why, in words a person understands: RED when tests were seen failing for
 * the right reason (every failure an assertion or the missing implementation; tests that pass
 * beside them are allowed), GREEN when every test passed, NONE otherwise.
 */
export function runEvidence(run: SandboxRunRecorded['data']): { evidence: RunEvidence; reason: string } {
  if (run.designVersion === null)
    return {
      evidence: 'NONE',
      reason: 'the component had no accepted design: tests are written from one, so this run is no evidence',
    };
  if (isGreenRun(run)) return { evidence: 'GREEN', reason: `all ${plural(run.testsPassed, 'test')} passed` };
  if (isRedRun(run)) return { evidence: 'RED', reason: redReason(run) };
  const outcome = OUTCOME_WORDS[run.outcome];
  if (outcome) return { evidence: 'NONE', reason: outcome };
  if (run.testsPassed > 0 && run.testsFailed > 0 && (run.tests ?? []).length === 0)
    return {
      evidence: 'NONE',
      reason: `${plural(run.testsPassed, 'test')} passed and ${run.testsFailed} failed, and the run does not list its tests: it cannot tell which failed for the right reason`,
    };
  const wrong = (run.tests ?? []).find((t) => t.status === 'FAILED' && testEvidence(t) !== 'RED');
  if (wrong?.failureKind === 'missing_dependency')
    return {
      evidence: 'NONE',
      reason: `${wrong.name} could not load a module that is not the component's own implementation${wrong.message ? ` (${wrong.message.split('\n')[0]})` : ''}: it proves nothing about the code`,
    };
  if (wrong)
    return {
      evidence: 'NONE',
      reason: `${wrong.name} failed with ${FAILURE_WORDS[wrong.failureKind ?? ''] ?? 'an error'}, not on an assertion: it proves nothing about the code`,
    };
  return { evidence: 'NONE', reason: `the run ${run.outcome.toLowerCase()} without red or green evidence` };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function redReason(run: SandboxRunRecorded['data']): string {
  const red = (run.tests ?? []).filter((t) => testEvidence(t) === 'RED').length || run.testsFailed;
  const failedRight = `${plural(red, 'test')} failed on an assertion or the missing implementation`;
  if (run.testsPassed === 0) return `${failedRight}, and none passed`;
  return `${failedRight}; ${plural(run.testsPassed, 'test')} passed beside ${red === 1 ? 'it' : 'them'} (red for the failing, green for the passing)`;
}
