import { publicFormOf } from '@app/domain';
import { storiesPublication } from './stories.publication';

describe('the stories publication', () => {
  it('publishes a created story without its internal fields (tags, priority)', () => {
    const published = publicFormOf(storiesPublication, 'story', {
      type: 'StoryCreated',
      data: {
        storyId: 's-1',
        projectId: 'p-1',
        title: 'Checkout',
        description: 'As a buyer…',
        acceptanceCriteria: [{ id: 'c-1', description: 'pays by card' }],
        tags: ['payments'],
        priority: 'HIGH',
        createdAt: '2026-12-01T00:00:00.000Z',
      },
    });
    expect(published).toEqual({
      type: 'StoryCreated',
      schemaVersion: 1,
      data: {
        storyId: 's-1',
        projectId: 'p-1',
        title: 'Checkout',
        description: 'As a buyer…',
        acceptanceCriteria: [{ id: 'c-1', description: 'pays by card' }],
        createdAt: '2026-12-01T00:00:00.000Z',
      },
    });
  });

  it('publishes project events and leaves the story’s own bookkeeping on the audit timeline', () => {
    expect(
      publicFormOf(storiesPublication, 'project', {
        type: 'ProjectRenamed',
        data: { name: 'Shop', renamedAt: '2026-12-01T00:00:00.000Z' },
      }),
    ).toEqual({
      type: 'ProjectRenamed',
      schemaVersion: 1,
      data: { name: 'Shop', renamedAt: '2026-12-01T00:00:00.000Z' },
    });
    expect(
      publicFormOf(storiesPublication, 'story', {
        type: 'StoryTagsChanged',
        data: { tags: ['x'], at: '2026-12-01T00:00:00.000Z' },
      }),
    ).toBeUndefined();
    expect(
      publicFormOf(storiesPublication, 'unknown-stream', { type: 'StoryCreated', data: {} }),
    ).toBeUndefined();
  });
});
