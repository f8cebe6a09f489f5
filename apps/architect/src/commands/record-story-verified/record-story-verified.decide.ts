import { component } from '../../architecture/architecture.lookup';
import type { RecordStoryVerified } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';

/** Once per linked story and accepted design (again after the component went DIRTY and came back). */
export function decideRecordStoryVerified(
  command: RecordStoryVerified,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  if (!target.storyIds.includes(command.storyId) || target.dirty) return [];
  if (target.verifiedStoryIds.includes(command.storyId)) return [];
  return [
    {
      type: 'StoryVerified',
      data: {
        componentId: target.id,
        componentName: target.name,
        storyId: command.storyId,
        runId: command.runId,
        at: command.at,
      },
    },
  ];
}
