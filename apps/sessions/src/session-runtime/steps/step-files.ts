import { Injectable } from '@nestjs/common';
import { sha256Of } from '../../workspace/blob-store';
import { WorkspaceService } from '../../workspace/workspace.service';
import type { FileRef, ReworkBasis, StepResult } from '../../session/session.events';
import type { SessionState, StepRecord } from '../../session/session.state';
import type { StepOutcome } from './session-step';
import type { StepFileSelection } from './step-reply';

export type Basis = Extract<StepResult, { kind: 'files' }>['basis'];

/**
 * Writes the files a step accepted into the project workspace (one version, written by the
 * session step), and says what it wrote and what it refused: a step without a usable file fails.
 */
@Injectable()
export class StepFiles {
  constructor(private readonly workspaces: WorkspaceService) {}

  async write(
    state: SessionState,
    step: StepRecord,
    selection: StepFileSelection,
    recorded: { readonly basis?: Basis; readonly rework?: ReworkBasis } = {},
  ): Promise<StepOutcome> {
    const { basis, rework } = recorded;
    const { files, rejected, problem, feedback } = selection;
    const written = files.length
      ? await this.workspaces.write(
          state.projectId,
          files,
          { kind: 'session', sessionId: state.sessionId, step: `${step.step}#${step.attempt}` },
          { projectId: state.projectId, actor: state.startedBy.actor, correlationId: state.correlationId },
        )
      : { version: 0, changed: [] };
    const refs: FileRef[] = files.map((f) => ({ path: f.path, sha256: sha256Of(f.content) }));
    const refusals = rejected.length ? `; rejected ${rejected.map((r) => r.path).join(', ')}` : '';
    const reasons = rejected.length
      ? ` (rejected ${rejected.map((r) => `${r.path}: ${r.reason}`).join('; ')})`
      : '';
    return {
      state,
      outcome: files.length > 0 ? 'SUCCEEDED' : 'FAILED',
      detail: files.length
        ? `wrote ${files.map((f) => f.path).join(', ')} (workspace version ${written.version})${refusals}`
        : `${problem ? `${problem.code}: ${problem.message}` : 'no usable file in the reply'}${reasons}`,
      result: {
        kind: 'files',
        files: refs,
        rejected,
        workspaceVersion: written.version,
        ...(files.length === 0 ? { problem, feedback } : {}),
        ...(basis ? { basis } : {}),
        ...(rework ? { rework } : {}),
      },
    };
  }
}
