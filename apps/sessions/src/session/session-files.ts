import type { FileRef, StepName, StepResult } from './session.events';
import type { SessionState, StepRecord } from './session.state';

type ResultOf<K extends StepResult['kind']> = Extract<StepResult, { kind: K }>;

/** The newest finished step of these names, with its result. */
export function lastFinished(state: SessionState, names: readonly StepName[]): StepRecord | null {
  for (let i = state.steps.length - 1; i >= 0; i -= 1) {
    const step = state.steps[i];
    if (step.finishedAt !== null && names.includes(step.step)) return step;
  }
  return null;
}

export function lastResult<K extends StepResult['kind']>(
  state: SessionState,
  names: readonly StepName[],
  kind: K,
): ResultOf<K> | null {
  const step = lastFinished(state, names);
  return step?.result?.kind === kind ? (step.result as ResultOf<K>) : null;
}

/** Files written by the session's steps of these names, merged by path (a later step wins). */
export function mergedFiles(
  state: SessionState,
  names: readonly StepName[],
): { files: FileRef[]; version: number } {
  const files = new Map<string, FileRef>();
  let version = 0;
  for (const step of state.steps) {
    if (step.finishedAt === null || !names.includes(step.step) || step.result?.kind !== 'files') continue;
    for (const file of step.result.files) files.set(file.path, file);
    version = Math.max(version, step.result.workspaceVersion);
  }
  return {
    files: [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    version,
  };
}

/** Every sandbox run the session made, in order. */
export function sessionRunIds(state: SessionState): string[] {
  return state.steps.flatMap((s) => (s.result?.kind === 'run' ? [s.result.runId] : []));
}
