import { Injectable } from '@nestjs/common';
import type { SandboxRunRecorded } from '@app/domain';
import { SandboxRunRecorder } from '../../sandbox-runs/sandbox-run-recorder';
import { redVerdict } from '../../session/red-check';
import { lastResult, mergedFiles, overlaid, reworkOf, sessionTests } from '../../session/session-files';
import type { FileRef, StepResult } from '../../session/session.events';
import type { SessionState } from '../../session/session.state';
import { SessionInputs } from '../session-inputs';
import type { SessionStep, StepOutcome, StepRun } from './session-step';
import { testSummaries } from './session-step';

/**
 * run_tests: the session's tests (and code) in the sandbox. A TESTS session needs them red (see
 * redVerdict), a CODE session green. A resumed step finds the run it made under the same id.
 */
@Injectable()
export class RunTestsStep implements SessionStep {
  readonly names = ['run_tests'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly recorder: SandboxRunRecorder,
  ) {}

  async execute({ state, step, caller }: StepRun): Promise<StepOutcome> {
    if (!step.runId) throw new Error('run_tests started without a run id');
    const purpose = state.type === 'TESTS' ? 'TESTS' : 'CODE';
    const { files, version } = filesUnderTest(state, purpose);
    const run =
      (await this.inputs.run(step.runId)) ??
      (
        await this.recorder.run({
          caller,
          projectId: state.projectId,
          componentId: state.componentId,
          componentName: state.componentName,
          files: await this.inputs.files(state.projectId, files, version),
          purpose,
          sessionId: state.sessionId,
          writer: { kind: 'session', sessionId: state.sessionId, step: `run_tests#${step.attempt}` },
          runId: step.runId,
        })
      ).event.data;
    return purpose === 'TESTS' ? redOutcome(state, run) : greenOutcome(state, run);
  }
}

/**
 * TESTS: the session's tests (over the tests it reworks, with the code that passed them); CODE: the
 * red run's tests and the session's code (over the code the red run had, when reworking).
 */
function filesUnderTest(
  state: SessionState,
  purpose: 'TESTS' | 'CODE',
): { files: FileRef[]; version: number } {
  if (purpose === 'TESTS') {
    const tests = sessionTests(state);
    return { files: [...tests.files, ...(reworkOf(state)?.code ?? [])], version: tests.version };
  }
  const code = mergedFiles(state, ['generate_code', 'fix_code']);
  const basis = lastResult(state, ['generate_code', 'fix_code'], 'files')?.basis;
  if (!basis) throw new Error('no test basis recorded for the code');
  // Code steps never write a test path.
  return { files: [...basis.tests, ...overlaid(basis.code ?? [], code.files)], version: code.version };
}

function runResult(
  run: SandboxRunRecorded['data'],
  accepted: boolean,
  problem: string | null,
  fixable: boolean,
): StepResult {
  return {
    kind: 'run',
    runId: run.runId,
    outcome: run.outcome,
    tests: testSummaries(run.tests ?? []),
    accepted,
    problem,
    fixable,
  };
}

function redOutcome(state: SessionState, run: SandboxRunRecorded['data']): StepOutcome {
  const verdict = redVerdict(
    { outcome: run.outcome, tests: testSummaries(run.tests ?? []) },
    reworkOf(state)?.changedAssertions,
  );
  return {
    state,
    outcome: verdict.red ? 'SUCCEEDED' : 'FAILED',
    detail: verdict.red
      ? `red: ${run.testsFailed} failing test(s), ${run.testsPassed > 0 ? `${run.testsPassed} unchanged passing` : 'none passing'}`
      : verdict.reason,
    result: runResult(
      run,
      verdict.red,
      verdict.red ? null : verdict.reason,
      verdict.red ? false : verdict.fixable,
    ),
  };
}

function greenOutcome(state: SessionState, run: SandboxRunRecorded['data']): StepOutcome {
  const green = run.outcome === 'PASSED';
  const problem = green
    ? null
    : run.outcome === 'ERROR'
      ? `the sandbox could not run the tests: ${run.error ?? 'unknown error'}`
      : `${run.testsFailed} test(s) failing (${run.outcome})`;
  return {
    state,
    outcome: green ? 'SUCCEEDED' : 'FAILED',
    detail: green ? `green: all ${run.testsPassed} test(s) pass` : problem!,
    result: runResult(run, green, problem, run.outcome !== 'ERROR'),
  };
}
