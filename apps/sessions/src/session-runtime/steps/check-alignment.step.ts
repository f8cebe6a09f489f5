import { Injectable } from '@nestjs/common';
import { sessionTests } from '../../session/session-files';
import { checkAlignment, testNamesIn } from '../../session/test-alignment';
import { SessionInputs } from '../session-inputs';
import type { SessionStep, StepOutcome, StepRun } from './session-step';

/** check_alignment: every Test Assertion of the accepted design has a test named after it. */
@Injectable()
export class CheckAlignmentStep implements SessionStep {
  readonly names = ['check_alignment'] as const;

  constructor(private readonly inputs: SessionInputs) {}

  async execute({ state, caller }: StepRun): Promise<StepOutcome> {
    const design = await this.inputs.acceptedDesign(caller, state.componentId);
    const tests = sessionTests(state);
    const files = await this.inputs.files(state.projectId, tests.files, tests.version);
    const names = files.flatMap((f) => testNamesIn(f.content));
    const alignment = checkAlignment(design.testAssertions, names);
    return {
      state,
      outcome: alignment.aligned ? 'SUCCEEDED' : 'FAILED',
      detail: alignment.aligned
        ? `every one of the ${design.testAssertions.length} test assertion(s) has a test`
        : `${alignment.missing.length} test assertion(s) without a test`,
      result: { kind: 'alignment', aligned: alignment.aligned, missing: alignment.missing },
    };
  }
}
