import { Injectable } from '@nestjs/common';
import { ArchitectClient } from '../../clients/architect-client';
import { WorkspaceService } from '../../workspace/workspace.service';
import { currentDraft } from './design-draft';
import type { SessionStep, StepOutcome, StepRun } from './session-step';

/** submit_design: the draft becomes a design version at the architect (accepted when valid). */
@Injectable()
export class SubmitDesignStep implements SessionStep {
  readonly names = ['submit_design'] as const;

  constructor(
    private readonly architect: ArchitectClient,
    private readonly workspaces: WorkspaceService,
  ) {}

  async execute({ state, caller }: StepRun): Promise<StepOutcome> {
    const markdown = await currentDraft(this.workspaces, state);
    const design = await this.architect.submit(caller, state.componentId, markdown);
    return {
      state,
      outcome: design.valid ? 'SUCCEEDED' : 'FAILED',
      detail: `submitted as design version ${design.version}${design.valid ? '' : ' (refused)'}`,
      result: {
        kind: 'submitted',
        designVersion: design.version,
        valid: design.valid,
        errors: design.errors,
      },
    };
  }
}
