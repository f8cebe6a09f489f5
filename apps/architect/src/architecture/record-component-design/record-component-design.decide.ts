import { component } from '../architecture.lookup';
import type { RecordComponentDesign } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/** A design version was submitted for the component (valid or not); a valid one clears a DIRTY component. */
export function decideRecordComponentDesign(
  command: RecordComponentDesign,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  const recorded: ArchitectureEvent = {
    type: 'ComponentDesignRecorded',
    data: {
      componentId: command.componentId,
      designVersion: command.designVersion,
      valid: command.valid,
      at: command.at,
    },
  };
  if (!command.valid || !target.dirty) return [recorded];
  return [
    recorded,
    {
      type: 'ComponentDirtinessCleared',
      data: {
        componentId: target.id,
        componentName: target.name,
        storyIds: target.storyIds,
        how: 'REDESIGNED',
        at: command.at,
      },
    },
  ];
}
