import { diffStories } from './story.diff';
import type { StoryEvent } from './story.events';
import { foldStory } from './story.state';
import { storyCreated, T1, T2 } from './testing/story.fixtures';

const history: StoryEvent[] = [
  storyCreated(), // v1
  { type: 'AcceptanceCriterionVerified', data: { criterionId: 'ac-1', at: T1 } }, // v2
  { type: 'StoryRevised', data: { title: 'Export stories', description: 'Shorter', revisedAt: T1 } }, // v3
  { type: 'AcceptanceCriterionUpdated', data: { criterionId: 'ac-2', description: 'Bullets', at: T1 } }, // v4
  { type: 'AcceptanceCriterionRemoved', data: { criterionId: 'ac-1', at: T2 } }, // v5
  { type: 'AcceptanceCriterionAdded', data: { criterionId: 'ac-3', description: 'Third', at: T2 } }, // v6
  { type: 'StoryTagsChanged', data: { tags: ['export', 'io'], at: T2 } }, // v7
  { type: 'StoryPrioritized', data: { priority: 'HIGH', at: T2 } }, // v8
  { type: 'StoryLinkedToComponent', data: { componentId: 'cmp-1', componentName: 'Exporter', at: T2 } }, // v9
  { type: 'StoryStatusChanged', data: { status: 'DIRTY', reason: 'artifacts_stale', at: T2 } }, // v10
  { type: 'StoryDeleted', data: { at: T2 } }, // v11
];
const at = (version: number) => foldStory(history, version);

describe('diffStories', () => {
  it('is empty for the same state', () => {
    expect(diffStories(at(4), at(4))).toEqual([]);
    expect(diffStories(null, null)).toEqual([]);
  });

  it('reports a verification', () => {
    expect(diffStories(at(1), at(2))).toEqual([
      {
        field: 'acceptanceCriteria',
        kind: 'verified',
        criterionId: 'ac-1',
        before: { id: 'ac-1', description: 'The export lists every story of the project', verified: false },
        after: { id: 'ac-1', description: 'The export lists every story of the project', verified: true },
      },
    ]);
  });

  it('reports every field that changed, in a stable order', () => {
    expect(diffStories(at(2), at(11))).toEqual([
      { field: 'title', kind: 'changed', before: 'Export stories as markdown', after: 'Export stories' },
      {
        field: 'description',
        kind: 'changed',
        before: expect.stringMatching(/^As a product owner/),
        after: 'Shorter',
      },
      { field: 'status', kind: 'changed', before: 'IN_PROGRESS', after: 'DIRTY' },
      { field: 'priority', kind: 'changed', before: 'MEDIUM', after: 'HIGH' },
      { field: 'tags', kind: 'changed', before: ['export'], after: ['export', 'io'] },
      { field: 'component', kind: 'changed', before: null, after: { id: 'cmp-1', name: 'Exporter' } },
      { field: 'deletedAt', kind: 'changed', before: null, after: T2 },
      {
        field: 'acceptanceCriteria',
        kind: 'removed',
        criterionId: 'ac-1',
        before: { id: 'ac-1', description: 'The export lists every story of the project', verified: true },
        after: null,
      },
      {
        field: 'acceptanceCriteria',
        kind: 'changed',
        criterionId: 'ac-2',
        before: {
          id: 'ac-2',
          description: 'Each story shows its acceptance criteria as bullets',
          verified: false,
        },
        after: { id: 'ac-2', description: 'Bullets', verified: false },
      },
      {
        field: 'acceptanceCriteria',
        kind: 'added',
        criterionId: 'ac-3',
        before: null,
        after: { id: 'ac-3', description: 'Third', verified: false },
      },
    ]);
  });

  it('reports an unverification when only the flag went back', () => {
    const verified = at(2)!;
    const reset = {
      ...verified,
      acceptanceCriteria: verified.acceptanceCriteria.map((c) => ({ ...c, verified: false })),
    };
    expect(diffStories(verified, reset).map((c) => [c.kind, c.criterionId])).toEqual([
      ['unverified', 'ac-1'],
    ]);
  });

  it('diffs from before creation (version 0)', () => {
    const changes = diffStories(at(0), at(1));
    expect(changes.map((c) => `${c.field}:${c.kind}`)).toEqual([
      'title:changed',
      'description:changed',
      'status:changed',
      'priority:changed',
      'tags:changed',
      'acceptanceCriteria:added',
      'acceptanceCriteria:added',
    ]);
    expect(changes[0]).toEqual({
      field: 'title',
      kind: 'changed',
      before: null,
      after: 'Export stories as markdown',
    });
  });

  it('reports a component rename and an unlink', () => {
    const linked = at(9)!;
    expect(diffStories(linked, { ...linked, component: { id: 'cmp-1', name: 'Renamed' } })).toEqual([
      {
        field: 'component',
        kind: 'changed',
        before: { id: 'cmp-1', name: 'Exporter' },
        after: { id: 'cmp-1', name: 'Renamed' },
      },
    ]);
    expect(diffStories(linked, { ...linked, component: null })[0]).toMatchObject({
      field: 'component',
      after: null,
    });
  });
});
