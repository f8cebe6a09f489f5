import { component } from '../../architecture/architecture.lookup';
import type { RecordComponentDesign } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState, ComponentState } from '../../architecture/architecture.state';
import { wentStale } from '../../architecture/went-stale';

/**
 * A design version was submitted for the component (valid or not). A valid one is accepted: it
 * clears a DIRTY component; when it replaces an accepted design, the tests and code gathered for the
 * old one are stale (`DESIGN_CHANGED`), and so is the design of every component that depends on it
 * and has one accepted (`DEPENDENCY_CHANGED`).
 */
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
  if (!command.valid) return [recorded];
  const events: ArchitectureEvent[] = [recorded];
  if (target.dirty)
    events.push({
      type: 'ComponentDirtinessCleared',
      data: {
        componentId: target.id,
        componentName: target.name,
        storyIds: target.storyIds,
        how: 'REDESIGNED',
        at: command.at,
      },
    });
  const previous = target.acceptedDesignVersion;
  if (previous === null) return events;
  return [...events, ...replacedDesignCauses(command, state, target, previous)];
}

function replacedDesignCauses(
  command: RecordComponentDesign,
  state: ArchitectureState,
  target: ComponentState,
  previous: number,
): ArchitectureEvent[] {
  const source = `design-${target.id}`;
  const common = { source, version: command.designVersion, at: command.at };
  const own =
    target.red || target.green
      ? [
          wentStale(target, {
            ...common,
            kind: 'DESIGN_CHANGED',
            summary: `design version ${command.designVersion} of ${target.name} replaced version ${previous}: its tests and code were written for the old one`,
            storyIds: target.storyIds,
          }),
        ]
      : [];
  const dependents = [...state.components.values()].filter(
    (c) => c.dependsOn.includes(target.id) && c.acceptedAt !== null,
  );
  return [
    ...own,
    ...dependents.map((dependent) =>
      wentStale(dependent, {
        ...common,
        kind: 'DEPENDENCY_CHANGED',
        summary: `${target.name}, which ${dependent.name} depends on, has a new design (version ${command.designVersion}, was ${previous})`,
        storyIds: dependent.storyIds,
      }),
    ),
  ];
}
