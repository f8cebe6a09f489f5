import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { componentFiles } from '../../context/file-layout';
import { lastResult, mergedFiles } from '../../session/session-files';
import { LlmLedger } from '../llm-ledger';
import { runFailures, SessionInputs } from '../session-inputs';
import { isTestPath } from '../../session/test-paths';
import type { SessionStep, StepOutcome, StepRun } from './session-step';
import { StepFiles } from './step-files';
import { replyFeedback, selectStepFiles } from './step-reply';

/** generate_code / fix_code: code from the design and the red tests (which it may not change). */
@Injectable()
export class WriteCodeStep implements SessionStep {
  readonly names = ['generate_code', 'fix_code'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly ledger: LlmLedger,
    private readonly files: StepFiles,
  ) {}

  async execute({ state, step, caller, signal }: StepRun): Promise<StepOutcome> {
    const { input } = await this.inputs.component(caller, state.componentId);
    const design = await this.inputs.acceptedDesign(caller, state.componentId);
    // The red run is chosen once, by generate_code; every fix is written against the same tests.
    const recorded = lastResult(state, ['generate_code', 'fix_code'], 'files')?.basis;
    const basis = recorded
      ? await this.inputs.redBasisOf(recorded.redRunId)
      : await this.inputs.redBasis(state.componentId);
    if (!basis)
      throw new DomainError('BAD_USER_INPUT', 'the component has no red test run: run a TESTS session first');
    const tests = await this.inputs.files(state.projectId, basis.tests, basis.workspaceVersion);
    let request;
    if (step.step === 'generate_code') {
      request = { purpose: 'CODE' as const, component: input, design, tests, failures: basis.failures };
    } else {
      const current = mergedFiles(state, ['generate_code', 'fix_code']);
      const run = lastResult(state, ['run_tests'], 'run');
      const runData = run ? await this.inputs.run(run.runId) : null;
      request = {
        purpose: 'CODE_FIX' as const,
        component: input,
        design,
        tests,
        code: await this.inputs.files(state.projectId, current.files, current.version),
        failures:
          replyFeedback(state, ['generate_code', 'fix_code']) ??
          (runData ? runFailures(runData) : basis.failures),
      };
    }
    const { answer, state: next } = await this.ledger.call(state, step, request, signal, { files: true });
    const testPaths = new Set(basis.tests.map((t) => t.path));
    const selection = selectStepFiles(
      answer,
      (path) =>
        testPaths.has(path) || isTestPath(path) ? 'the tests may not be changed by a CODE session' : null,
      componentFiles(input.name).implementation,
    );
    return this.files.write(next, step, selection, {
      redRunId: basis.runId,
      tests: basis.tests,
      designVersion: design.version,
    });
  }
}
