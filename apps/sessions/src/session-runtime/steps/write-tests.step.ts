import { Injectable } from '@nestjs/common';
import type { AssemblyRequest } from '../../context/context-assembly';
import { componentFiles } from '../../context/file-layout';
import { reworkOf, sessionTests } from '../../session/session-files';
import { isTestPath } from '../../session/test-paths';
import { ReworkInputs } from '../rework-inputs';
import { SessionInputs } from '../session-inputs';
import { FilesFromLlm } from './files-from-llm';
import type { SessionStep, StepOutcome, StepRun } from './session-step';
import { testProblems } from './test-problems';

/**
 * generate_tests / fix_tests: tests from the accepted design (and why the last ones failed). After a
 * redesign of a component that was green, the tests are reworked: the step gets the old tests, the
 * design diff and the changed assertions instead of starting over.
 */
@Injectable()
export class WriteTestsStep implements SessionStep {
  readonly names = ['generate_tests', 'fix_tests'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly reworks: ReworkInputs,
    private readonly filesFromLlm: FilesFromLlm,
  ) {}

  async execute(run: StepRun): Promise<StepOutcome> {
    const { state, step, caller } = run;
    const { input } = await this.inputs.component(caller, state.componentId);
    const design = await this.inputs.acceptedDesign(caller, state.componentId);
    const rework =
      step.step === 'generate_tests'
        ? await this.reworks.basis(caller, state.componentId, design)
        : reworkOf(state);
    const reworkContext = rework
      ? await this.reworks.context(caller, state.projectId, state.componentId, rework, design.version)
      : undefined;
    let request: AssemblyRequest;
    if (step.step === 'generate_tests') {
      request = {
        purpose: 'TESTS',
        component: input,
        design,
        ...(reworkContext && { rework: reworkContext }),
      };
    } else {
      const current = sessionTests(state);
      request = {
        purpose: 'TESTS_FIX',
        component: input,
        design,
        tests: await this.inputs.files(state.projectId, current.files, current.version),
        errors: testProblems(state),
        ...(reworkContext && { rework: reworkContext }),
      };
    }
    return this.filesFromLlm.write(run, request, {
      reasonAgainst: (path) => (isTestPath(path) ? null : 'a TESTS session writes test files only'),
      examplePath: componentFiles(input.name).tests,
      ...(rework && { rework }),
    });
  }
}
