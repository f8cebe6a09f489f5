import { Injectable } from '@nestjs/common';
import { WorkspaceService } from '../../workspace/workspace.service';
import { parseDesignReply } from '../../session/reply-parsing';
import { replyProblem } from '../../session/reply-problems';
import { lastFinished } from '../../session/session-files';
import { LlmLedger } from '../llm-ledger';
import { SessionInputs } from '../session-inputs';
import { currentDraft } from './design-draft';
import type { SessionStep, StepOutcome, StepRun } from './session-step';

/** generate_design / revise_design: a draft from the component, its stories and the template (and the refusal). */
@Injectable()
export class DraftDesignStep implements SessionStep {
  readonly names = ['generate_design', 'revise_design'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly ledger: LlmLedger,
    private readonly workspaces: WorkspaceService,
  ) {}

  async execute({ state, step, caller, signal }: StepRun): Promise<StepOutcome> {
    const { facts, input } = await this.inputs.component(caller, state.componentId);
    const stories = await this.inputs.stories(caller, facts);
    let request;
    if (step.step === 'generate_design') {
      request = { purpose: 'DESIGN' as const, component: input, stories, template: facts.designTemplate };
    } else {
      const refusal = lastFinished(state, ['validate_design', 'submit_design'])?.result;
      const refused = refusal?.kind === 'validation' || refusal?.kind === 'submitted' ? refusal.errors : [];
      const drafts = state.steps.filter(
        (s) => (s.step === 'generate_design' || s.step === 'revise_design') && s.finishedAt !== null,
      ).length;
      request = {
        purpose: 'DESIGN_REVISION' as const,
        component: input,
        stories,
        template: facts.designTemplate,
        draft: {
          path: 'design.md',
          content: await currentDraft(this.workspaces, state),
          source: `session-${state.sessionId}`,
          version: drafts,
        },
        errors: {
          source: 'design-validation',
          version: drafts,
          summary: 'The architect refused the previous draft:',
          failures: refused.map((e) => ({ name: e.section ?? e.code, message: `${e.code}: ${e.message}` })),
        },
      };
    }
    const { reply, answer, state: next } = await this.ledger.call(state, step, request, signal);
    const problem = replyProblem(answer);
    const markdown = parseDesignReply(reply);
    const designSha256 = await this.workspaces.putBlob(markdown);
    return {
      state: next,
      outcome: 'SUCCEEDED',
      detail: problem
        ? `no design in the reply: ${problem.code}: ${problem.message}`
        : `draft of ${Buffer.byteLength(markdown)} bytes`,
      result: { kind: 'draft', designSha256, ...(problem ? { problem } : {}) },
    };
  }
}
