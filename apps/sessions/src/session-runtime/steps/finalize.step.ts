import { Injectable } from '@nestjs/common';
import { componentFiles } from '../../context/file-layout';
import { lastResult, mergedFiles, sessionRunIds } from '../../session/session-files';
import { GitRepositories } from '../../workspace/git-repository';
import { SessionInputs } from '../session-inputs';
import type { SessionStep, StepOutcome, StepRun } from './session-step';

/** finalize: the green tests and code committed to the project's repository, naming design and runs. */
@Injectable()
export class FinalizeStep implements SessionStep {
  readonly names = ['finalize'] as const;

  constructor(
    private readonly inputs: SessionInputs,
    private readonly repos: GitRepositories,
  ) {}

  async execute({ state }: StepRun): Promise<StepOutcome> {
    const code = mergedFiles(state, ['generate_code', 'fix_code']);
    const basis = lastResult(state, ['generate_code', 'fix_code'], 'files')?.basis;
    if (!basis) throw new Error('no test basis recorded for the code');
    const green = lastResult(state, ['run_tests'], 'run');
    const files = await this.inputs.files(state.projectId, [...basis.tests, ...code.files], code.version);
    const paths = componentFiles(state.componentName);
    const message = [
      `${state.componentName}: green (${paths.implementation})`,
      '',
      `Red run: ${basis.redRunId}`,
      `Test runs: ${sessionRunIds(state).join(', ')}`,
    ].join('\n');
    const { commit } = await this.repos.commit(state.projectId, {
      files,
      message,
      trailers: [
        ['Session', state.sessionId],
        ['Component', `${state.componentName} (${state.componentId})`],
        ['Design-Version', String(basis.designVersion)],
        ...(green ? ([['Sandbox-Run', green.runId]] as const) : []),
      ],
      once: ['Session', state.sessionId],
    });
    return {
      state,
      outcome: 'SUCCEEDED',
      detail: `committed ${commit.slice(0, 12)}`,
      result: { kind: 'commit', commit, message },
    };
  }
}
