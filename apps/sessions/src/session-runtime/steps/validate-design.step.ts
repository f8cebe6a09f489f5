import { Injectable } from '@nestjs/common';
import { ArchitectClient } from '../../clients/architect-client';
import { WorkspaceService } from '../../workspace/workspace.service';
import { lastResult } from '../../session/session-files';
import { currentDraft } from './design-draft';
import type { SessionStep, StepOutcome, StepRun } from './session-step';

/** validate_design: the draft against the architect's own rules (nothing stored). */
@Injectable()
export class ValidateDesignStep implements SessionStep {
  readonly names = ['validate_design'] as const;

  constructor(
    private readonly architect: ArchitectClient,
    private readonly workspaces: WorkspaceService,
  ) {}

  async execute({ state, caller }: StepRun): Promise<StepOutcome> {
    const problem = lastResult(state, ['generate_design', 'revise_design'], 'draft')?.problem;
    if (problem) {
      const error = {
        code: problem.code,
        message: `${problem.message}: reply with the whole design document, following the template`,
        section: null,
      };
      return {
        state,
        outcome: 'FAILED',
        detail: `the reply held no design (${problem.code})`,
        result: { kind: 'validation', valid: false, errors: [error] },
      };
    }
    const markdown = await currentDraft(this.workspaces, state);
    const check = await this.architect.validate(caller, state.componentId, markdown);
    return {
      state,
      outcome: check.valid ? 'SUCCEEDED' : 'FAILED',
      detail: check.valid
        ? 'the draft passes the architect’s rules'
        : `${check.errors.length} validation error(s)`,
      result: { kind: 'validation', valid: check.valid, errors: check.errors },
    };
  }
}
