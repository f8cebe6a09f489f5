/** Where a story stands. A story starts IN_PROGRESS; DIRTY means its generated artifacts are stale. */
export const STORY_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'DIRTY'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** Why the status changed: a person set it, or the artifacts built from the story went stale. */
export const STORY_STATUS_REASONS = ['manual', 'artifacts_stale', 'artifacts_current', 'verified'] as const;
export type StoryStatusReason = (typeof STORY_STATUS_REASONS)[number];

export const STORY_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type StoryPriority = (typeof STORY_PRIORITIES)[number];

/** The priority a story gets when CreateStory does not name one. */
export const DEFAULT_STORY_PRIORITY: StoryPriority = 'MEDIUM';

export function isStoryStatus(value: unknown): value is StoryStatus {
  return typeof value === 'string' && (STORY_STATUSES as readonly string[]).includes(value);
}

export function isStoryPriority(value: unknown): value is StoryPriority {
  return typeof value === 'string' && (STORY_PRIORITIES as readonly string[]).includes(value);
}
