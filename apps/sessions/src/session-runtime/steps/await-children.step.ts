import { Injectable } from '@nestjs/common';
import { SessionStarter } from '../session-starter';
import type { SessionStep, StepOutcome, StepRun } from './session-step';
import { WAIT } from './session-step';

/** await_children: waits (the driver lets go) until every child session has ended. */
@Injectable()
export class AwaitChildrenStep implements SessionStep {
  readonly names = ['await_children'] as const;

  constructor(private readonly starter: SessionStarter) {}

  async execute({ state }: StepRun): Promise<StepOutcome | typeof WAIT> {
    const results = await this.starter.childResults(state.sessionId);
    if (results.some((r) => r.status === 'RUNNING')) return WAIT;
    const failed = results.filter((r) => r.status !== 'SUCCEEDED').length;
    return {
      state,
      outcome: failed === 0 ? 'SUCCEEDED' : 'FAILED',
      detail: `${results.length - failed} of ${results.length} child session(s) succeeded`,
      result: { kind: 'children_finished', results },
    };
  }
}
