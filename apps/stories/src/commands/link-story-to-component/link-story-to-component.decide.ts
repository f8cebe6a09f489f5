import type { FieldProblem } from '@app/domain';
import type { StoryLinkedToComponent } from '../../story/story.events';
import type { StoryState } from '../../story/story.state';
import { requireLiveStory } from '../../story/story.state';
import { normalizeLine } from '@app/domain';
import { rejectIfInvalid } from '../../story/story.validation';
import type { LinkStoryToComponent } from './link-story-to-component.command';

/**
 * A story maps onto one component: linking replaces any earlier link. Linking again to the same
 * component under a new name records the new name; the same id and name emit nothing.
 */
export function decideLinkStoryToComponent(
  command: LinkStoryToComponent,
  state: StoryState,
): StoryLinkedToComponent[] {
  const story = requireLiveStory(state, command.storyId);
  const componentName = normalizeLine(command.componentName);
  const problems: FieldProblem[] = [];
  if (command.componentId.trim().length === 0)
    problems.push({ field: 'componentId', message: 'must not be empty' });
  if (componentName.length === 0) problems.push({ field: 'componentName', message: 'must not be empty' });
  rejectIfInvalid('component link', problems);
  if (story.component?.id === command.componentId && story.component.name === componentName) return [];
  return [
    {
      type: 'StoryLinkedToComponent',
      data: { componentId: command.componentId, componentName, at: command.at },
    },
  ];
}
