import { isUuid } from '@app/domain';

/** The keys, in order, by which an event's data names what it is about. */
const SUBJECT_KEYS = ['componentId', 'fromId', 'storyId'] as const;

/**
 * What a timeline event is about, when its stream alone does not say: an event of a project-wide
 * stream (the architecture is one stream per project) names its component, its dependency's
 * dependent component or its story in its data. Null for every other event, whose stream (a story,
 * a design, a session) is its subject.
 */
export function timelineSubjectId(event: {
  readonly projectId: string | null;
  readonly streamId: string;
  readonly data: unknown;
}): string | null {
  if (!event.projectId || !event.streamId.endsWith(event.projectId)) return null;
  if (typeof event.data !== 'object' || event.data === null) return null;
  const data = event.data as Record<string, unknown>;
  for (const key of SUBJECT_KEYS) {
    const value = data[key];
    if (typeof value === 'string' && isUuid(value)) return value;
  }
  return null;
}
