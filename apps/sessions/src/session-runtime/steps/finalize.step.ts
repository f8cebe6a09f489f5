import { Inject, Injectable } from '@nestjs/common';
import { pollUntil } from '@app/platform';
import { lastResult } from '../../session/session-files';
import { GitRepositories } from '../../workspace/git-repository';
import type { SessionsConfig } from '../../sessions-config';
import { SESSIONS_CONFIG } from '../../sessions-config';
import type { SessionStep, StepOutcome, StepRun } from './session-step';

/**
 * finalize: the session's green run in the project's git record. The record (a projection of the
 * events, the only writer of the repositories) commits the green code with `Sandbox-Run` and
 * `Session` trailers; the step waits for that commit and names it.
 */
@Injectable()
export class FinalizeStep implements SessionStep {
  readonly names = ['finalize'] as const;

  constructor(
    private readonly repos: GitRepositories,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {}

  async execute({ state, signal }: StepRun): Promise<StepOutcome> {
    const green = lastResult(state, ['run_tests'], 'run');
    if (!green) throw new Error('no green run recorded for the code');
    let commit: string | null = null;
    await pollUntil(
      async () =>
        (commit = await this.repos.findCommit(state.projectId, 'Sandbox-Run', green.runId)) !== null,
      { timeoutMs: this.config.recordWaitMs, firstMs: 50, maxMs: 500, signal },
    );
    if (!commit)
      throw new Error(
        `the git record has not committed green run ${green.runId} within ${this.config.recordWaitMs / 1000} s`,
      );
    const message = await this.repos.messageOf(state.projectId, commit);
    return {
      state,
      outcome: 'SUCCEEDED',
      detail: `committed ${(commit as string).slice(0, 12)}`,
      result: { kind: 'commit', commit, message },
    };
  }
}
