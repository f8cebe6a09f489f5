import { Injectable } from '@nestjs/common';
import type { AssemblyRequest } from '../../context/context-assembly';
import { componentFiles } from '../../context/file-layout';
import { mergedFiles } from '../../session/session-files';
import { isTestPath } from '../../session/test-paths';
import { SessionInputs } from '../session-inputs';
import { FilesFromLlm } from './files-from-llm';
import type { SessionStep, StepOutcome, StepRun } from './session-step';
import { testProblems } from './test-problems';

/** generate_tests / fix_tests: tests from the accepted design (and why the last ones failed). */
@Injectable()
export class WriteTestsStep implements SessionStep {
  readonly names = ['generate_tests', 'fix_tests'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly filesFromLlm: FilesFromLlm,
  ) {}

  async execute(run: StepRun): Promise<StepOutcome> {
    const { state, step, caller } = run;
    const { input } = await this.inputs.component(caller, state.componentId);
    const design = await this.inputs.acceptedDesign(caller, state.componentId);
    let request: AssemblyRequest;
    if (step.step === 'generate_tests') {
      request = { purpose: 'TESTS', component: input, design };
    } else {
      const current = mergedFiles(state, ['generate_tests', 'fix_tests']);
      request = {
        purpose: 'TESTS_FIX',
        component: input,
        design,
        tests: await this.inputs.files(state.projectId, current.files, current.version),
        errors: testProblems(state),
      };
    }
    return this.filesFromLlm.write(run, request, {
      reasonAgainst: (path) => (isTestPath(path) ? null : 'a TESTS session writes test files only'),
      examplePath: componentFiles(input.name).tests,
    });
  }
}
