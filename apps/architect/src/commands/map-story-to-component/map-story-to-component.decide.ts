import { DomainError, ValidationError } from '@app/domain';
import { component } from '../../architecture/architecture.lookup';
import type { MapStoryToComponent } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';
import { staleByGraphChange } from '../../architecture/went-stale';

/**
 * Links a story of the same project to the component (linking it again changes nothing). A story
 * linked to another component moves only when the command says `replace`; otherwise CONFLICT names
 * where it is. A component with an accepted design goes DIRTY (`STORY_LINKED`: its design does not
 * cover the story yet), and so does the one the story left (`STORY_UNLINKED`).
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
  const story = command.storyTitle ? `"${command.storyTitle}"` : `story ${command.storyId}`;
  const decided: ArchitectureEvent[] = [
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
  decided.push(
    ...staleByGraphChange(state, decided, target, {
      kind: 'STORY_LINKED',
      summary: `${story} was linked to ${target.name} after its design was accepted`,
      storyIds: [...target.storyIds, command.storyId],
      at: command.at,
    }),
  );
  if (current)
    decided.push(
      ...staleByGraphChange(state, decided, current, {
        kind: 'STORY_UNLINKED',
        summary: `${story} moved from ${current.name} to ${target.name}`,
        storyIds: current.storyIds.filter((id) => id !== command.storyId),
        at: command.at,
      }),
    );
  return decided;
}
