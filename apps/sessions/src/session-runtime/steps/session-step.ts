import type { CallerContext } from '../../clients/subgraph-client';
import type { StepCompleted, StepName, StepResult, TestSummary } from '../../session/session.events';
import type { SessionState, StepRecord } from '../../session/session.state';

/** What a step ends with: the (possibly advanced) state, its outcome, a line for people, the result. */
export interface StepOutcome {
  readonly state: SessionState;
  readonly outcome: StepCompleted['data']['outcome'];
  readonly detail: string;
  readonly result: StepResult;
}

/** The step cannot finish yet (children still running); the driver lets go and comes back. */
export const WAIT = Symbol('wait');

/** One step in flight: the session as it stands, the step record, who asked, and a way to stop. */
export interface StepRun {
  readonly state: SessionState;
  readonly step: StepRecord;
  readonly caller: CallerContext;
  readonly signal: AbortSignal;
}

/**
 * One kind of step. Steps read what earlier steps produced from the session's state, call the
 * LLM only through the ledger, and write files only into the project workspace.
 */
export interface SessionStep {
  readonly names: readonly StepName[];
  execute(run: StepRun): Promise<StepOutcome | typeof WAIT>;
}

export function callerOf(state: SessionState): CallerContext {
  return { identity: state.startedBy, correlationId: state.correlationId };
}

export function testSummaries(
  tests: readonly { name: string; status: string; failureKind: string | null; message: string | null }[],
): TestSummary[] {
  return tests.map((t) => ({
    name: t.name,
    status: t.status,
    failureKind: t.failureKind,
    message: t.message,
  }));
}
