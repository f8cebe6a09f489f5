import { DomainError, ValidationError } from '@app/domain';
import { component } from '../architecture.lookup';
import type { MapStoryToComponent } from '../architecture.commands';
import type { ArchitectureEvent } from '../architecture.events';
import type { ArchitectureState } from '../architecture.state';

/**
 * Links a story of the same project to the component (linking it again changes nothing). A story
 * linked to another component moves only when the command says `replace`; otherwise CONFLICT names
 * where it is.
 */
export function decideMapStoryToComponent(
  command: MapStoryToComponent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  if (command.storyProjectId !== target.projectId)
    throw new ValidationError('the story belongs to another project', [
      { field: 'storyId', message: 'must belong to the component’s project' },
    ]);
  if (target.storyIds.includes(command.storyId)) return [];
  const current = [...state.components.values()].find((c) => c.storyIds.includes(command.storyId));
  if (current && !command.replace)
    throw new DomainError(
      'CONFLICT',
      `story ${command.storyId} is already linked to ${current.name}; link it with replace: true to move it`,
      { componentId: current.id, componentName: current.name },
    );
  return [
    {
      type: 'StoryMappedToComponent',
      data: {
        storyId: command.storyId,
        componentId: target.id,
        componentName: target.name,
        at: command.at,
      },
    },
  ];
}
