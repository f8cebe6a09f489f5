import type { Decider } from '@app/domain';
import { assertNever } from '@app/domain';
import { decideAddAcceptanceCriterion } from './add-acceptance-criterion/add-acceptance-criterion.decide';
import { decideChangeStoryTags } from './change-story-tags/change-story-tags.decide';
import { decideCreateStory } from './create-story/create-story.decide';
import { decideDeleteStory } from './delete-story/delete-story.decide';
import { decideLinkStoryToComponent } from './link-story-to-component/link-story-to-component.decide';
import { decideMarkStoryDirty } from './mark-story-dirty/mark-story-dirty.decide';
import { decideMarkStoryCurrent } from './mark-story-current/mark-story-current.decide';
import { decideCompleteVerifiedStory } from './complete-verified-story/complete-verified-story.decide';
import { decidePrioritizeStory } from './prioritize-story/prioritize-story.decide';
import { decideReferenceCriteria } from './reference-criteria/reference-criteria.decide';
import { decideRemoveAcceptanceCriterion } from './remove-acceptance-criterion/remove-acceptance-criterion.decide';
import { decideReviseStory } from './revise-story/revise-story.decide';
import { decideSetStoryStatus } from './set-story-status/set-story-status.decide';
import { decideUnlinkStoryFromComponent } from './unlink-story-from-component/unlink-story-from-component.decide';
import { decideUpdateAcceptanceCriterion } from './update-acceptance-criterion/update-acceptance-criterion.decide';
import { decideVerifyAcceptanceCriterion } from './verify-acceptance-criterion/verify-acceptance-criterion.decide';
import type { StoryCommand } from './story.commands';
import type { StoryEvent } from '../story/story.events';
import type { StoryState } from '../story/story.state';
import { evolveStory, initialStoryState } from '../story/story.state';

/** Routes a command to its slice's decision. Pure: no I/O, no clock, no random ids. */
export function decideStory(command: StoryCommand, state: StoryState): readonly StoryEvent[] {
  switch (command.type) {
    case 'CreateStory':
      return decideCreateStory(command, state);
    case 'ReviseStory':
      return decideReviseStory(command, state);
    case 'AddAcceptanceCriterion':
      return decideAddAcceptanceCriterion(command, state);
    case 'UpdateAcceptanceCriterion':
      return decideUpdateAcceptanceCriterion(command, state);
    case 'RemoveAcceptanceCriterion':
      return decideRemoveAcceptanceCriterion(command, state);
    case 'VerifyAcceptanceCriterion':
      return decideVerifyAcceptanceCriterion(command, state);
    case 'ReferenceCriteria':
      return decideReferenceCriteria(command, state);
    case 'ChangeStoryTags':
      return decideChangeStoryTags(command, state);
    case 'PrioritizeStory':
      return decidePrioritizeStory(command, state);
    case 'SetStoryStatus':
      return decideSetStoryStatus(command, state);
    case 'MarkStoryDirty':
      return decideMarkStoryDirty(command, state);
    case 'MarkStoryCurrent':
      return decideMarkStoryCurrent(command, state);
    case 'CompleteVerifiedStory':
      return decideCompleteVerifiedStory(command, state);
    case 'LinkStoryToComponent':
      return decideLinkStoryToComponent(command, state);
    case 'UnlinkStoryFromComponent':
      return decideUnlinkStoryFromComponent(command, state);
    case 'DeleteStory':
      return decideDeleteStory(command, state);
    default:
      return assertNever(command, 'story command');
  }
}

/** The story decider, for `new CommandHandler(store, storyDecider)` on stream `storyStreamId(id)`. */
export const storyDecider: Decider<StoryCommand, StoryState, StoryEvent> = {
  decide: decideStory,
  evolve: evolveStory,
  initialState: initialStoryState,
};
