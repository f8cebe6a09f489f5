import { DomainError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import { storyDecider } from '../story.decider';
import type { StoryPriority } from '../../story/story.values';
import {
  FORMATTED_DESCRIPTION,
  PROJECT_ID,
  STORY_ID,
  storyCreated,
  storyDeleted,
  T0,
  text,
  validationProblemsOf,
} from '../../story/testing/story.fixtures';
import type { CreateStory } from './create-story.command';
import { decideCreateStory } from './create-story.decide';

const spec = deciderSpec(storyDecider);

function create(overrides: Partial<CreateStory> = {}): CreateStory {
  return {
    type: 'CreateStory',
    storyId: STORY_ID,
    projectId: PROJECT_ID,
    title: 'Export stories as markdown',
    description: FORMATTED_DESCRIPTION,
    acceptanceCriteria: [
      { id: 'ac-1', ref: 'AC-1', description: 'The export lists every story of the project' },
      { id: 'ac-2', ref: 'AC-2', description: 'Each story shows its acceptance criteria as bullets' },
    ],
    tags: ['export'],
    priority: 'MEDIUM',
    at: T0,
    ...overrides,
  };
}

const problems = (overrides: Partial<CreateStory>) =>
  validationProblemsOf(() => decideCreateStory(create(overrides), null));

describe('CreateStory', () => {
  it('creates the story', () => {
    spec.given([]).when(create()).then([storyCreated()]);
  });

  it('starts IN_PROGRESS, unverified, unlinked, at version 1', () => {
    spec
      .given([])
      .when(create())
      .thenState({
        id: STORY_ID,
        projectId: PROJECT_ID,
        title: 'Export stories as markdown',
        description: FORMATTED_DESCRIPTION,
        status: 'IN_PROGRESS',
        priority: 'MEDIUM',
        tags: ['export'],
        acceptanceCriteria: [
          {
            id: 'ac-1',
            ref: 'AC-1',
            description: 'The export lists every story of the project',
            verified: false,
          },
          {
            id: 'ac-2',
            ref: 'AC-2',
            description: 'Each story shows its acceptance criteria as bullets',
            verified: false,
          },
        ],
        component: null,
        createdAt: T0,
        updatedAt: T0,
        version: 1,
        deletedAt: null,
      });
  });

  it('stores one-line titles and criteria, the description as written (LF, no blank edges), and normalizes tags', () => {
    spec
      .given([])
      .when(
        create({
          title: '  Export\n stories  as markdown ',
          description: '\r\n\r\nFirst line   \r\n\r\n\r\n  indented second\n\n',
          acceptanceCriteria: [{ id: 'ac-1', ref: 'AC-1', description: '  spans\ntwo lines ' }],
          tags: [' Export ', 'UI', 'export', 'ui '],
        }),
      )
      .then([
        storyCreated({
          title: 'Export stories as markdown',
          description: 'First line   \n\n\n  indented second',
          acceptanceCriteria: [{ id: 'ac-1', ref: 'AC-1', description: 'spans two lines' }],
          tags: ['export', 'ui'],
        }),
      ]);
  });

  it('defaults the priority to MEDIUM and accepts no criteria and no tags', () => {
    spec
      .given([])
      .when(create({ priority: undefined, acceptanceCriteria: [], tags: [], description: '' }))
      .then([storyCreated({ priority: 'MEDIUM', acceptanceCriteria: [], tags: [], description: '' })]);
  });

  it('accepts every field at its limit', () => {
    const criteria = Array.from({ length: 50 }, (_, i) => ({
      id: `ac-${i}`,
      ref: `AC-${i + 1}`,
      description: text(1_000),
    }));
    const tags = Array.from({ length: 20 }, (_, i) => `${text(48)}${String(i).padStart(2, '0')}`);
    const [event] = decideCreateStory(
      create({ title: text(200), description: text(100_000), acceptanceCriteria: criteria, tags }),
      null,
    );
    expect(event.data.acceptanceCriteria).toHaveLength(50);
    expect(event.data.tags).toHaveLength(20);
  });

  describe('rejects', () => {
    it('a story id that already exists with CONFLICT', () => {
      spec.given([storyCreated()]).when(create()).thenThrows(DomainError, `story ${STORY_ID} already exists`);
      let thrown: unknown;
      try {
        decideCreateStory(create(), storyDecider.evolve(null, storyCreated()));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'CONFLICT', details: { id: STORY_ID, currentVersion: 1 } });
    });

    it('a story id that belonged to a deleted story with CONFLICT', () => {
      spec
        .given([storyCreated(), storyDeleted()])
        .when(create())
        .thenThrows(DomainError, /already exists/);
    });

    it('an empty project id', () => {
      expect(problems({ projectId: ' ' })).toEqual([{ field: 'projectId', message: 'must not be empty' }]);
    });

    it('an empty title (after trimming)', () => {
      spec
        .given([])
        .when(create({ title: ' \n ' }))
        .thenThrows(ValidationError, /title must not be empty/);
      expect(problems({ title: '   ' })).toEqual([{ field: 'title', message: 'must not be empty' }]);
    });

    it('a title over 200 characters', () => {
      expect(problems({ title: text(201) })).toEqual([
        { field: 'title', message: 'must be at most 200 characters' },
      ]);
    });

    it('a description over 100,000 characters (real backlogs hold logs)', () => {
      expect(problems({ description: text(100_001) })).toEqual([
        { field: 'description', message: 'must be at most 100000 characters' },
      ]);
    });

    it('more than 50 acceptance criteria', () => {
      const criteria = Array.from({ length: 51 }, (_, i) => ({
        id: `ac-${i}`,
        ref: `AC-${i + 1}`,
        description: 'ok',
      }));
      expect(problems({ acceptanceCriteria: criteria })).toEqual([
        { field: 'acceptanceCriteria', message: 'a story has at most 50 acceptance criteria' },
      ]);
    });

    it('an empty or over-long criterion, naming its index', () => {
      expect(
        problems({
          acceptanceCriteria: [
            { id: 'a', description: 'fine', ref: 'AC-1' },
            { id: 'b', description: '  ', ref: 'AC-2' },
            { id: 'c', description: text(1_001), ref: 'AC-3' },
          ],
        }),
      ).toEqual([
        { field: 'acceptanceCriteria[1]', message: 'must not be empty' },
        { field: 'acceptanceCriteria[2]', message: 'must be at most 1000 characters' },
      ]);
    });

    it('a malformed or duplicate criterion reference', () => {
      expect(
        problems({
          acceptanceCriteria: [
            { id: 'a', ref: 'AC-7', description: 'one' },
            { id: 'b', ref: 'AC-7', description: 'two' },
            { id: 'c', ref: 'AC-07', description: 'three' },
          ],
        }),
      ).toEqual([
        { field: 'acceptanceCriteria[1]', message: 'reference AC-7 is already taken' },
        { field: 'acceptanceCriteria[2]', message: '"AC-07" is not a reference of the form AC-<n>' },
      ]);
    });

    it('a duplicate or empty criterion id', () => {
      expect(
        problems({
          acceptanceCriteria: [
            { id: 'a', description: 'one', ref: 'AC-1' },
            { id: 'a', description: 'two', ref: 'AC-2' },
            { id: '', description: 'three', ref: 'AC-3' },
          ],
        }),
      ).toEqual([
        { field: 'acceptanceCriteria[1]', message: 'duplicate acceptance criterion id a' },
        { field: 'acceptanceCriteria[2]', message: 'id must not be empty' },
      ]);
    });

    it('an empty or over-long tag, naming its index', () => {
      expect(problems({ tags: ['ok', ' ', text(51)] })).toEqual([
        { field: 'tags[1]', message: 'must not be empty' },
        { field: 'tags[2]', message: 'must be at most 50 characters' },
      ]);
    });

    it('more than 20 distinct tags (duplicates do not count)', () => {
      const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
      expect(problems({ tags })).toEqual([{ field: 'tags', message: 'a story has at most 20 tags' }]);
      expect(problems({ tags: [...tags.slice(0, 20), 'T0', ' t1 '], title: '' })).toEqual([
        { field: 'title', message: 'must not be empty' },
      ]);
    });

    it('an unknown priority', () => {
      expect(problems({ priority: 'URGENT' as StoryPriority })).toEqual([
        { field: 'priority', message: 'must be one of LOW, MEDIUM, HIGH, CRITICAL' },
      ]);
    });

    it('with every problem at once, in field order', () => {
      expect(
        problems({
          projectId: '',
          title: '',
          description: text(100_001),
          acceptanceCriteria: [{ id: 'a', description: '', ref: 'AC-1' }],
          tags: [''],
          priority: 'NOPE' as StoryPriority,
        }).map((p) => p.field),
      ).toEqual(['projectId', 'title', 'description', 'acceptanceCriteria[0]', 'tags[0]', 'priority']);
    });
  });
});
