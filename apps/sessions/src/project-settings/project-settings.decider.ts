import type { Decider } from '@app/domain';
import type { ProjectSettingsEvent } from './project-settings.events';

/** Sets a project's sandbox image and test command (null: the deployment's defaults). */
export interface ConfigureProjectSandbox {
  readonly type: 'ConfigureProjectSandbox';
  readonly image: string | null;
  readonly testCommand: string | null;
  readonly at: string;
}

export interface ProjectSettingsState {
  readonly image: string | null;
  readonly testCommand: string | null;
  readonly version: number;
}

/** Settings the project already has are not set again (no event for no change). */
export const projectSettingsDecider: Decider<
  ConfigureProjectSandbox,
  ProjectSettingsState,
  ProjectSettingsEvent
> = {
  decide: (command, state) =>
    state.version > 0 && command.image === state.image && command.testCommand === state.testCommand
      ? []
      : [
          {
            type: 'ProjectSandboxConfigured',
            data: { image: command.image, testCommand: command.testCommand, at: command.at },
          },
        ],
  evolve: (state, event) => ({
    image: event.data.image,
    testCommand: event.data.testCommand,
    version: state.version + 1,
  }),
  initialState: () => ({ image: null, testCommand: null, version: 0 }),
};
