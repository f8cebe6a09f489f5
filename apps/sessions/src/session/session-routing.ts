import type { SessionType, StepName, StepResult } from './session.events';

export interface FinishedStep {
  readonly step: StepName;
  readonly outcome: 'SUCCEEDED' | 'FAILED';
  readonly result: StepResult;
}

export type Route =
  | { readonly kind: 'step'; readonly step: StepName }
  | { readonly kind: 'succeed'; readonly summary: string }
  | { readonly kind: 'fail'; readonly reason: string };

const step = (name: StepName): Route => ({ kind: 'step', step: name });
const fail = (reason: string): Route => ({ kind: 'fail', reason });

function count(history: readonly FinishedStep[], names: readonly StepName[]): number {
  return history.filter((h) => names.includes(h.step)).length;
}

function describeErrors(result: StepResult): string {
  if (result.kind === 'validation' || result.kind === 'submitted')
    return result.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
  return '';
}

/**
 * The orchestrator's whole process, as one pure function: given what the session is and the
 * steps it has finished, the next step — or the end. The LLM never chooses it.
 * `maxIterations` bounds the revisions (DESIGN) and the fix attempts (TESTS, CODE).
 */
/** DESIGN: generate → validate → revise (up to maxIterations) → submit. */
function designRoute(
  last: FinishedStep | undefined,
  history: readonly FinishedStep[],
  maxIterations: number,
): Route {
  if (!last) return step('generate_design');
  const revisions = count(history, ['revise_design']);
  switch (last.step) {
    case 'generate_design':
    case 'revise_design':
      return step('validate_design');
    case 'validate_design':
      if (last.result.kind === 'validation' && last.result.valid) return step('submit_design');
      return revisions < maxIterations
        ? step('revise_design')
        : fail(`the design is still invalid after ${revisions} revision(s): ${describeErrors(last.result)}`);
    case 'submit_design':
      if (last.result.kind === 'submitted' && last.result.valid)
        return { kind: 'succeed', summary: `design version ${last.result.designVersion} accepted` };
      return revisions < maxIterations
        ? step('revise_design')
        : fail(`the architect refused the design: ${describeErrors(last.result)}`);
    default:
      return fail(`unexpected step ${last.step} in a DESIGN session`);
  }
}

/** COMPONENT_DESIGNS: a DESIGN session per component, then their results. */
function componentDesignsRoute(last: FinishedStep | undefined): Route {
  if (!last) return step('start_children');
  if (last.step === 'start_children') {
    if (last.result.kind === 'children' && last.result.children.length === 0)
      return { kind: 'succeed', summary: 'the context has no components to design' };
    return step('await_children');
  }
  if (last.step === 'await_children' && last.result.kind === 'children_finished') {
    const failed = last.result.results.filter((r) => r.status !== 'SUCCEEDED');
    if (failed.length === 0)
      return { kind: 'succeed', summary: `${last.result.results.length} component design(s) accepted` };
    return fail(
      `${failed.length} of ${last.result.results.length} component design(s) failed: ${failed.map((f) => `${f.componentId} ${f.status}${f.reason ? ` (${f.reason})` : ''}`).join('; ')}`,
    );
  }
  return fail(`unexpected step ${last.step} in a COMPONENT_DESIGNS session`);
}

/** TESTS: generate → run (must be red) → fix (up to maxIterations) → alignment → red evidence. */
function testsRoute(
  last: FinishedStep | undefined,
  history: readonly FinishedStep[],
  maxIterations: number,
): Route {
  if (!last) return step('generate_tests');
  const fixes = count(history, ['fix_tests']);
  const fixOr = (reason: string) =>
    fixes < maxIterations ? step('fix_tests') : fail(`${reason} (after ${fixes} fix attempt(s))`);
  switch (last.step) {
    case 'generate_tests':
    case 'fix_tests':
      if (last.result.kind === 'files' && last.result.files.length > 0) return step('run_tests');
      return fixOr('the reply held no usable test file');
    case 'run_tests':
      if (last.result.kind !== 'run') return fail('run_tests produced no run');
      if (last.result.accepted) return step('check_alignment');
      return last.result.fixable
        ? fixOr(last.result.problem ?? 'the tests are not red')
        : fail(last.result.problem ?? 'the tests could not be run');
    case 'check_alignment':
      if (last.result.kind === 'alignment' && last.result.aligned) return step('record_red');
      return fixOr(
        `no test is named after: ${last.result.kind === 'alignment' ? last.result.missing.join('; ') : '?'}`,
      );
    case 'record_red':
      return {
        kind: 'succeed',
        summary: `red tests recorded${last.result.kind === 'evidence' ? ` (run ${last.result.runId})` : ''}`,
      };
    default:
      return fail(`unexpected step ${last.step} in a TESTS session`);
  }
}

/** CODE: generate → run (must be green) → fix (up to maxIterations) → commit. */
function codeRoute(
  last: FinishedStep | undefined,
  history: readonly FinishedStep[],
  maxIterations: number,
): Route {
  if (!last) return step('generate_code');
  const fixes = count(history, ['fix_code']);
  const fixOr = (reason: string) =>
    fixes < maxIterations ? step('fix_code') : fail(`${reason} (after ${fixes} fix attempt(s))`);
  switch (last.step) {
    case 'generate_code':
    case 'fix_code':
      if (last.result.kind === 'files' && last.result.files.length > 0) return step('run_tests');
      return fixOr('the reply held no usable code file');
    case 'run_tests':
      if (last.result.kind !== 'run') return fail('run_tests produced no run');
      if (last.result.accepted) return step('finalize');
      return last.result.fixable
        ? fixOr(last.result.problem ?? 'the tests still fail')
        : fail(last.result.problem ?? 'the tests could not be run');
    case 'finalize':
      return {
        kind: 'succeed',
        summary: `green; committed${last.result.kind === 'commit' ? ` ${last.result.commit.slice(0, 12)}` : ''}`,
      };
    default:
      return fail(`unexpected step ${last.step} in a CODE session`);
  }
}

export function nextRoute(type: SessionType, history: readonly FinishedStep[], maxIterations: number): Route {
  const last = history[history.length - 1];
  switch (type) {
    case 'DESIGN':
      return designRoute(last, history, maxIterations);
    case 'COMPONENT_DESIGNS':
      return componentDesignsRoute(last);
    case 'TESTS':
      return testsRoute(last, history, maxIterations);
    case 'CODE':
      return codeRoute(last, history, maxIterations);
    default: {
      const unknown: never = type;
      return fail(`unknown session type ${String(unknown)}`);
    }
  }
}
