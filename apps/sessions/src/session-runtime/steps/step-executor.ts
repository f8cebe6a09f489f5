import { Injectable } from '@nestjs/common';
import type { StepName } from '../../session/session.events';
import type { SessionState, StepRecord } from '../../session/session.state';
import { AwaitChildrenStep } from './await-children.step';
import { CheckAlignmentStep } from './check-alignment.step';
import { DraftDesignStep } from './draft-design.step';
import { FinalizeStep } from './finalize.step';
import { RecordRedStep } from './record-red.step';
import { RunTestsStep } from './run-tests.step';
import type { SessionStep, StepOutcome } from './session-step';
import { callerOf, WAIT } from './session-step';
import { StartChildrenStep } from './start-children.step';
import { SubmitDesignStep } from './submit-design.step';
import { ValidateDesignStep } from './validate-design.step';
import { WriteCodeStep } from './write-code.step';
import { WriteTestsStep } from './write-tests.step';

/** Every step kind, for the registry below (a step nobody handles fails the start-up). */
const STEP_NAMES: Readonly<Record<StepName, true>> = {
  generate_design: true,
  validate_design: true,
  revise_design: true,
  submit_design: true,
  start_children: true,
  await_children: true,
  generate_tests: true,
  fix_tests: true,
  check_alignment: true,
  record_red: true,
  generate_code: true,
  fix_code: true,
  run_tests: true,
  finalize: true,
};

/** The registry of step kinds: each step of a session is run by the one step class that names it. */
@Injectable()
export class StepExecutor {
  private readonly steps = new Map<StepName, SessionStep>();

  constructor(
    draft: DraftDesignStep,
    validate: ValidateDesignStep,
    submit: SubmitDesignStep,
    startChildren: StartChildrenStep,
    awaitChildren: AwaitChildrenStep,
    writeTests: WriteTestsStep,
    checkAlignment: CheckAlignmentStep,
    recordRed: RecordRedStep,
    writeCode: WriteCodeStep,
    runTests: RunTestsStep,
    finalize: FinalizeStep,
  ) {
    const all = [
      draft,
      validate,
      submit,
      startChildren,
      awaitChildren,
      writeTests,
      checkAlignment,
      recordRed,
      writeCode,
      runTests,
      finalize,
    ];
    for (const step of all) for (const name of step.names) this.steps.set(name, step);
    const missing = (Object.keys(STEP_NAMES) as StepName[]).filter((name) => !this.steps.has(name));
    if (missing.length > 0) throw new Error(`no step class runs ${missing.join(', ')}`);
  }

  execute(state: SessionState, step: StepRecord, signal: AbortSignal): Promise<StepOutcome | typeof WAIT> {
    const kind = this.steps.get(step.step);
    if (!kind) throw new Error(`no executor for step ${step.step}`);
    return kind.execute({ state, step, caller: callerOf(state), signal });
  }
}

/** Every step class, for the module's providers. */
export const STEP_CLASSES = [
  DraftDesignStep,
  ValidateDesignStep,
  SubmitDesignStep,
  StartChildrenStep,
  AwaitChildrenStep,
  WriteTestsStep,
  CheckAlignmentStep,
  RecordRedStep,
  WriteCodeStep,
  RunTestsStep,
  FinalizeStep,
];
