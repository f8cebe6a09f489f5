import { Injectable } from '@nestjs/common';
import { lastResult } from '../../session/session-files';
import type { SessionStep, StepOutcome, StepRun } from './session-step';

/** record_red: the newest run of the session is its red evidence. */
@Injectable()
export class RecordRedStep implements SessionStep {
  readonly names = ['record_red'] as const;

  async execute({ state }: StepRun): Promise<StepOutcome> {
    const run = lastResult(state, ['run_tests'], 'run');
    if (!run) throw new Error('no red run to record');
    return {
      state,
      outcome: 'SUCCEEDED',
      detail: `run ${run.runId} is the red evidence`,
      result: { kind: 'evidence', runId: run.runId },
    };
  }
}
