import type { JsonValue } from '@app/domain';
import type { AcceptanceCriterion, StoryState } from './story.state';

/**
 * `changed` for plain fields and criterion text; `added`, `removed`, `verified` and `unverified`
 * for acceptance criteria.
 */
export type StoryChangeKind = 'changed' | 'added' | 'removed' | 'verified' | 'unverified';

export interface StoryFieldChange {
  /** `title`, `description`, `status`, `priority`, `tags`, `component`, `deletedAt` or `acceptanceCriteria`. */
  readonly field: string;
  readonly kind: StoryChangeKind;
  /** Set for `acceptanceCriteria` changes. */
  readonly criterionId?: string;
  /** The value before (`null` when absent); for a criterion, `{id, description, verified}`. */
  readonly before: JsonValue;
  readonly after: JsonValue;
}

const PLAIN_FIELDS = [
  'title',
  'description',
  'status',
  'priority',
  'tags',
  'component',
  'deletedAt',
] as const;
type PlainField = (typeof PLAIN_FIELDS)[number];

function plainValue(story: StoryState, field: PlainField): JsonValue {
  if (story === null) return null;
  switch (field) {
    case 'tags':
      return [...story.tags];
    case 'component':
      return story.component === null ? null : { id: story.component.id, name: story.component.name };
    case 'title':
    case 'description':
    case 'status':
    case 'priority':
    case 'deletedAt':
      return story[field];
  }
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function criterionJson(c: AcceptanceCriterion): JsonValue {
  return { id: c.id, description: c.description, verified: c.verified };
}

/**
 * Field-by-field changes from one state of a story to another (`storyDiff(id, fromVersion,
 * toVersion)`). Either side may be `null` (before creation). Order is stable: the plain fields in
 * the order above, then criteria present before (removed or changed, in their old order), then
 * criteria added (in their new order).
 */
export function diffStories(before: StoryState, after: StoryState): StoryFieldChange[] {
  const changes: StoryFieldChange[] = [];
  for (const field of PLAIN_FIELDS) {
    const was = plainValue(before, field);
    const is = plainValue(after, field);
    if (!sameJson(was, is)) changes.push({ field, kind: 'changed', before: was, after: is });
  }

  const oldCriteria = before?.acceptanceCriteria ?? [];
  const newCriteria = after?.acceptanceCriteria ?? [];
  const newById = new Map(newCriteria.map((c) => [c.id, c]));
  const oldIds = new Set(oldCriteria.map((c) => c.id));
  for (const old of oldCriteria) {
    const current = newById.get(old.id);
    const change = (kind: StoryChangeKind): StoryFieldChange => ({
      field: 'acceptanceCriteria',
      kind,
      criterionId: old.id,
      before: criterionJson(old),
      after: current === undefined ? null : criterionJson(current),
    });
    if (current === undefined) changes.push(change('removed'));
    else if (current.description !== old.description) changes.push(change('changed'));
    else if (current.verified !== old.verified)
      changes.push(change(current.verified ? 'verified' : 'unverified'));
  }
  for (const added of newCriteria) {
    if (!oldIds.has(added.id))
      changes.push({
        field: 'acceptanceCriteria',
        kind: 'added',
        criterionId: added.id,
        before: null,
        after: criterionJson(added),
      });
  }
  return changes;
}
