import { deciderSpec } from '@app/testing/decider-spec';
import { projectSettingsDecider } from './project-settings.decider';
import type { ProjectSandboxConfigured } from './project-settings.events';

const spec = deciderSpec(projectSettingsDecider);
const configured = (
  image: string | null,
  testCommand: string | null,
  at: string,
): ProjectSandboxConfigured => ({
  type: 'ProjectSandboxConfigured',
  data: { image, testCommand, at },
});

describe('project settings decider', () => {
  it('records new settings, and the state follows them', () => {
    spec
      .given([])
      .when({ type: 'ConfigureProjectSandbox', image: 'img:1', testCommand: 'node --test', at: 'T1' })
      .then([configured('img:1', 'node --test', 'T1')]);
    spec
      .given([configured('img:1', null, 'T1')])
      .when({ type: 'ConfigureProjectSandbox', image: null, testCommand: 'npm test', at: 'T2' })
      .thenState({ image: null, testCommand: 'npm test', version: 2 });
  });

  it('records nothing when nothing changes', () => {
    spec
      .given([configured('img:1', 'node --test', 'T1')])
      .when({ type: 'ConfigureProjectSandbox', image: 'img:1', testCommand: 'node --test', at: 'T2' })
      .then([]);
  });
});
