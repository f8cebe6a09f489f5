import { NotFoundError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import type { StoryEvent } from '../../story/story.events';
import { foldStory } from '../../story/story.state';
import {
  STORY_ID,
  storyCreated,
  storyDeleted,
  T1,
  T2,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { LinkStoryToComponent } from './link-story-to-component.command';

const spec = deciderSpec(storyDecider);
const linked: StoryEvent = {
  type: 'StoryLinkedToComponent',
  data: { componentId: 'cmp-1', componentName: 'Exporter', at: T1 },
};

function link(overrides: Partial<LinkStoryToComponent> = {}): LinkStoryToComponent {
  return {
    type: 'LinkStoryToComponent',
    storyId: STORY_ID,
    componentId: 'cmp-1',
    componentName: 'Exporter',
    at: T1,
    ...overrides,
  };
}

describe('LinkStoryToComponent', () => {
  it('links the story to the component', () => {
    spec.given([storyCreated()]).when(link()).then([linked]);
    expect(foldStory([storyCreated(), linked])?.component).toEqual({ id: 'cmp-1', name: 'Exporter' });
  });

  it('replaces a link to another component', () => {
    const relinked: StoryEvent = {
      type: 'StoryLinkedToComponent',
      data: { componentId: 'cmp-2', componentName: 'Importer', at: T2 },
    };
    spec
      .given([storyCreated(), linked])
      .when(link({ componentId: 'cmp-2', componentName: 'Importer', at: T2 }))
      .then([relinked]);
    expect(foldStory([storyCreated(), linked, relinked])?.component).toEqual({
      id: 'cmp-2',
      name: 'Importer',
    });
  });

  it('records a new name of the same component', () => {
    spec
      .given([storyCreated(), linked])
      .when(link({ componentName: 'Markdown exporter', at: T2 }))
      .then([
        {
          type: 'StoryLinkedToComponent',
          data: { componentId: 'cmp-1', componentName: 'Markdown exporter', at: T2 },
        },
      ]);
  });

  it('emits nothing for the same component and name', () => {
    spec
      .given([storyCreated(), linked])
      .when(link({ componentName: ' Exporter ', at: T2 }))
      .then([]);
  });

  describe('rejects', () => {
    it('a missing or deleted story', () => {
      spec
        .given([])
        .when(link())
        .thenThrows(NotFoundError, /story st-1/);
      spec.given([storyCreated(), storyDeleted()]).when(link()).thenThrows(NotFoundError);
    });

    it('an empty component id or name', () => {
      spec
        .given([storyCreated()])
        .when(link({ componentId: '' }))
        .thenThrows(ValidationError);
      expect(
        validationProblemsOf(() =>
          storyDecider.decide(link({ componentId: ' ', componentName: '' }), foldStory([storyCreated()])),
        ),
      ).toEqual([
        { field: 'componentId', message: 'must not be empty' },
        { field: 'componentName', message: 'must not be empty' },
      ]);
    });
  });
});
