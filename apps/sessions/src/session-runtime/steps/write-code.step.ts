import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import type { AssemblyRequest } from '../../context/context-assembly';
import { componentFiles } from '../../context/file-layout';
import { lastResult, mergedFiles, overlaid } from '../../session/session-files';
import { isTestPath } from '../../session/test-paths';
import { runFailures, SessionInputs } from '../session-inputs';
import { FilesFromLlm } from './files-from-llm';
import type { SessionStep, StepOutcome, StepRun } from './session-step';
import { replyFeedback } from './step-reply';

/** generate_code / fix_code: code from the design and the red tests (which it may not change). */
@Injectable()
export class WriteCodeStep implements SessionStep {
  readonly names = ['generate_code', 'fix_code'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly filesFromLlm: FilesFromLlm,
  ) {}

  async execute(run: StepRun): Promise<StepOutcome> {
    const { state, step, caller } = run;
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
    // Reworking: the code the red run had is where the new code starts from.
    const existing = basis.code;
    let request: AssemblyRequest;
    if (step.step === 'generate_code') {
      const code = await this.inputs.files(state.projectId, existing, basis.workspaceVersion);
      request = {
        purpose: 'CODE',
        component: input,
        design,
        tests,
        failures: basis.failures,
        ...(code.length > 0 && { code }),
      };
    } else {
      const written = mergedFiles(state, ['generate_code', 'fix_code']);
      const current = { files: overlaid(existing, written.files), version: written.version };
      const lastRun = lastResult(state, ['run_tests'], 'run');
      const runData = lastRun ? await this.inputs.run(lastRun.runId) : null;
      request = {
        purpose: 'CODE_FIX',
        component: input,
        design,
        tests,
        code: await this.inputs.files(state.projectId, current.files, current.version),
        failures:
          replyFeedback(state, ['generate_code', 'fix_code']) ??
          (runData ? runFailures(runData) : basis.failures),
      };
    }
    const testPaths = new Set(basis.tests.map((t) => t.path));
    return this.filesFromLlm.write(run, request, {
      reasonAgainst: (path) =>
        testPaths.has(path) || isTestPath(path) ? 'the tests may not be changed by a CODE session' : null,
      examplePath: componentFiles(input.name).implementation,
      basis: {
        redRunId: basis.runId,
        tests: basis.tests,
        designVersion: design.version,
        ...(existing.length > 0 && { code: existing }),
      },
    });
  }
}
