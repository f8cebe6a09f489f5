import { Injectable } from '@nestjs/common';
import { SessionInputs } from '../session-inputs';
import { childSessionId, SessionStarter } from '../session-starter';
import type { SessionStep, StepOutcome, StepRun } from './session-step';

/** start_children: a DESIGN session for every component of the context (COMPONENT_DESIGNS). */
@Injectable()
export class StartChildrenStep implements SessionStep {
  readonly names = ['start_children'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly starter: SessionStarter,
  ) {}

  async execute({ state, caller }: StepRun): Promise<StepOutcome> {
    const children = await this.inputs.children(caller, state.projectId, state.componentId);
    const started = children.map((c) => ({
      sessionId: childSessionId(state.sessionId, c.id),
      componentId: c.id,
      name: c.name,
    }));
    for (const child of started) await this.starter.startChild(state, child);
    return {
      state,
      outcome: 'SUCCEEDED',
      detail: `${started.length} DESIGN session(s) started`,
      result: { kind: 'children', children: started },
    };
  }
}
