import type { FailureInput } from '../../context/context-assembly';
import type { SessionState } from '../../session/session.state';
import { replyFeedback } from './step-reply';

/** Why the last tests were not good enough: the run's verdict or the missing assertions. */
export function testProblems(state: SessionState): FailureInput {
  const last = state.steps.filter((s) => s.finishedAt !== null).at(-1);
  if (last?.result?.kind === 'alignment') {
    return {
      source: `session-${state.sessionId}`,
      version: state.version,
      summary: 'These Test Assertions of the design have no test named after them:',
      failures: last.result.missing.map((m) => ({ name: m, message: 'no test has this name' })),
    };
  }
  if (last?.result?.kind === 'run') {
    return {
      source: `sandbox-run-${last.result.runId}`,
      version: 1,
      summary: last.result.problem ?? `the run ended ${last.result.outcome}`,
      failures: last.result.tests
        .filter((t) => t.status !== 'SKIPPED')
        .map((t) => ({
          name: t.name,
          message: `${t.status}${t.failureKind ? ` (${t.failureKind})` : ''}: ${t.message ?? ''}`,
        })),
    };
  }
  return (
    replyFeedback(state, ['generate_tests', 'fix_tests']) ?? {
      source: `session-${state.sessionId}`,
      version: state.version,
      summary: 'The previous reply held no test file this step could use.',
      failures: [],
    }
  );
}
