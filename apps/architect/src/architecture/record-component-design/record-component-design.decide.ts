import { component } from '../architecture.lookup';
import type { RecordComponentDesign } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/** A design version was submitted for the component (valid or not). */
export function decideRecordComponentDesign(
  command: RecordComponentDesign,
  state: ArchitectureState,
): ArchitectureEvent[] {
  component(state, command.componentId);
  return [
    {
      type: 'ComponentDesignRecorded',
      data: {
        componentId: command.componentId,
        designVersion: command.designVersion,
        valid: command.valid,
        at: command.at,
      },
    },
  ];
}
