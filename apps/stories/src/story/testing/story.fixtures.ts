import type { FieldProblem } from '@app/domain';
import { ValidationError } from '@app/domain';
import type { StoryCreated, StoryEvent } from '../story.events';

/** Shared test data for the story specs. */
export const STORY_ID = 'st-1';
export const PROJECT_ID = 'pr-1';
export const T0 = '2025-03-01T10:00:00.000Z';
export const T1 = '2025-03-01T11:00:00.000Z';
export const T2 = '2025-03-01T12:00:00.000Z';

export const FORMATTED_DESCRIPTION =
  'As a product owner, I want to export stories so that I can share them with the team.';

export function storyCreated(overrides: Partial<StoryCreated['data']> = {}): StoryCreated {
  return {
    type: 'StoryCreated',
    data: {
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
      createdAt: T0,
      ...overrides,
    },
  };
}

export function storyDeleted(at = T1): StoryEvent {
  return { type: 'StoryDeleted', data: { at } };
}

/** The field problems of the ValidationError that `run` throws (fails the test if it throws anything else). */
export function validationProblemsOf(run: () => unknown): readonly FieldProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

/** `'x'` repeated `length` times. */
export function text(length: number, char = 'x'): string {
  return char.repeat(length);
}
