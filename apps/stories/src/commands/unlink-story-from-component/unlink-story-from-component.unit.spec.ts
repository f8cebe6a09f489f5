import { NotFoundError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import type { StoryEvent } from '../../story/story.events';
import { foldStory } from '../../story/story.state';
import { STORY_ID, storyCreated, storyDeleted, T1, T2 } from '../../story/testing/story.fixtures';
import type { UnlinkStoryFromComponent } from './unlink-story-from-component.command';

const spec = deciderSpec(storyDecider);
const linked: StoryEvent = {
  type: 'StoryLinkedToComponent',
  data: { componentId: 'cmp-1', componentName: 'Exporter', at: T1 },
};

function unlink(componentId = 'cmp-1'): UnlinkStoryFromComponent {
  return { type: 'UnlinkStoryFromComponent', storyId: STORY_ID, componentId, at: T2 };
}

describe('UnlinkStoryFromComponent', () => {
  it('unlinks the story from its component', () => {
    const unlinked: StoryEvent = {
      type: 'StoryUnlinkedFromComponent',
      data: { componentId: 'cmp-1', at: T2 },
    };
    spec.given([storyCreated(), linked]).when(unlink()).then([unlinked]);
    expect(foldStory([storyCreated(), linked, unlinked])?.component).toBeNull();
  });

  it('emits nothing when the story is not linked to that component (late or replayed unlink)', () => {
    spec.given([storyCreated()]).when(unlink()).then([]);
    spec.given([storyCreated(), linked]).when(unlink('cmp-2')).then([]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(unlink())
        .thenThrows(NotFoundError, /story st-1/);
      spec.given([storyCreated(), linked, storyDeleted()]).when(unlink()).thenThrows(NotFoundError);
    });
  });
});
