import { Injectable } from '@nestjs/common';
import { componentFiles } from '../../context/file-layout';
import { mergedFiles } from '../../session/session-files';
import { LlmLedger } from '../llm-ledger';
import { SessionInputs } from '../session-inputs';
import { isTestPath } from '../../session/test-paths';
import type { SessionStep, StepOutcome, StepRun } from './session-step';
import { StepFiles } from './step-files';
import { selectStepFiles } from './step-reply';
import { testProblems } from './test-problems';

/** generate_tests / fix_tests: tests from the accepted design (and why the last ones failed). */
@Injectable()
export class WriteTestsStep implements SessionStep {
  readonly names = ['generate_tests', 'fix_tests'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly ledger: LlmLedger,
    private readonly files: StepFiles,
  ) {}

  async execute({ state, step, caller, signal }: StepRun): Promise<StepOutcome> {
    const { input } = await this.inputs.component(caller, state.componentId);
    const design = await this.inputs.acceptedDesign(caller, state.componentId);
    let request;
    if (step.step === 'generate_tests') {
      request = { purpose: 'TESTS' as const, component: input, design };
    } else {
      const current = mergedFiles(state, ['generate_tests', 'fix_tests']);
      request = {
        purpose: 'TESTS_FIX' as const,
        component: input,
        design,
        tests: await this.inputs.files(state.projectId, current.files, current.version),
        errors: testProblems(state),
      };
    }
    const { answer, state: next } = await this.ledger.call(state, step, request, signal, { files: true });
    const selection = selectStepFiles(
      answer,
      (path) => (isTestPath(path) ? null : 'a TESTS session writes test files only'),
      componentFiles(input.name).tests,
    );
    return this.files.write(next, step, selection);
  }
}
