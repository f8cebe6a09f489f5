import type { StoryEvent } from './story.events';
import { STORY_EVENT_TYPES, isStoryEvent } from './story.events';
import { evolveStory, foldStory, initialStoryState } from './story.state';
import { storyIdOfStream, storyStreamId } from './story.stream';
import { PROJECT_ID, STORY_ID, storyCreated, T0, T1, T2 } from './testing/story.fixtures';

const history: StoryEvent[] = [
  storyCreated(),
  { type: 'StoryRevised', data: { title: 'Export stories', description: 'As a user…', revisedAt: T1 } },
  { type: 'AcceptanceCriterionVerified', data: { criterionId: 'ac-1', at: T1 } },
  // Recorded before criterion references existed: no `ref`.
  { type: 'AcceptanceCriterionAdded', data: { criterionId: 'ac-3', description: 'Third', at: T1 } },
  { type: 'AcceptanceCriterionRemoved', data: { criterionId: 'ac-2', at: T1 } },
  { type: 'StoryTagsChanged', data: { tags: ['export', 'io'], at: T2 } },
  { type: 'StoryPrioritized', data: { priority: 'HIGH', at: T2 } },
  { type: 'StoryLinkedToComponent', data: { componentId: 'cmp-1', componentName: 'Exporter', at: T2 } },
  { type: 'StoryStatusChanged', data: { status: 'COMPLETED', reason: 'manual', at: T2 } },
];

describe('story state', () => {
  it('starts with no story', () => {
    expect(initialStoryState()).toBeNull();
    expect(foldStory([])).toBeNull();
  });

  it('folds every event, counting versions and tracking updatedAt', () => {
    expect(foldStory(history)).toEqual({
      id: STORY_ID,
      projectId: PROJECT_ID,
      title: 'Export stories',
      description: 'As a user…',
      status: 'COMPLETED',
      priority: 'HIGH',
      tags: ['export', 'io'],
      acceptanceCriteria: [
        {
          id: 'ac-1',
          ref: 'AC-1',
          description: 'The export lists every story of the project',
          verified: true,
        },
        { id: 'ac-3', ref: null, description: 'Third', verified: false },
      ],
      component: { id: 'cmp-1', name: 'Exporter' },
      createdAt: T0,
      updatedAt: T2,
      version: 9,
      deletedAt: null,
    });
  });

  it('travels back in time: the state at any version', () => {
    expect(foldStory(history, 0)).toBeNull();
    expect(foldStory(history, 1)).toEqual(foldStory([storyCreated()]));
    expect(foldStory(history, 2)).toMatchObject({ title: 'Export stories', version: 2, updatedAt: T1 });
    expect(foldStory(history, 5)?.acceptanceCriteria.map((c) => c.id)).toEqual(['ac-1', 'ac-3']);
    expect(foldStory(history, 99)).toEqual(foldStory(history));
  });

  it('does not share arrays with the events it folded', () => {
    const created = storyCreated();
    const state = foldStory([created]);
    expect(state?.tags).not.toBe(created.data.tags);
    expect(state?.acceptanceCriteria).not.toBe(created.data.acceptanceCriteria);
  });

  it('ignores events before a StoryCreated', () => {
    expect(evolveStory(null, { type: 'StoryDeleted', data: { at: T0 } })).toBeNull();
  });

  it('unlinks only the component the story is linked to', () => {
    const linked = foldStory(history);
    const other = evolveStory(linked, {
      type: 'StoryUnlinkedFromComponent',
      data: { componentId: 'x', at: T2 },
    });
    expect(other?.component).toEqual({ id: 'cmp-1', name: 'Exporter' });
  });

  it('lists every event type once', () => {
    expect(new Set(STORY_EVENT_TYPES).size).toBe(13);
    expect(isStoryEvent({ type: 'StoryRevised' })).toBe(true);
    expect(isStoryEvent({ type: 'ProjectCreated' })).toBe(false);
  });

  it('names streams story-<id>', () => {
    expect(storyStreamId('abc')).toBe('story-abc');
    expect(storyIdOfStream('story-abc-def')).toBe('abc-def');
    expect(storyIdOfStream('project-abc')).toBeUndefined();
    expect(storyIdOfStream('story-')).toBeUndefined();
  });
});
