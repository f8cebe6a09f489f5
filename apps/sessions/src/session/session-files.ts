import type { FileRef, ReworkBasis, StepName, StepResult } from './session.events';
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

/** Files by path: `over` replaces `base` where they share a path. */
export function overlaid(base: readonly FileRef[], over: readonly FileRef[]): FileRef[] {
  const byPath = new Map(base.map((file) => [file.path, file]));
  for (const file of over) byPath.set(file.path, file);
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What a TESTS session reworks (recorded by its first writing step), if it reworks anything. */
export function reworkOf(state: SessionState): ReworkBasis | undefined {
  for (const step of state.steps)
    if (step.result?.kind === 'files' && step.result.rework) return step.result.rework;
  return undefined;
}

/** A TESTS session's test files: its own, over the tests it reworks. */
export function sessionTests(state: SessionState): { files: FileRef[]; version: number } {
  const own = mergedFiles(state, ['generate_tests', 'fix_tests']);
  const rework = reworkOf(state);
  return rework ? { files: overlaid(rework.tests, own.files), version: own.version } : own;
}
