/** Why a component's work went stale: the upstream change, where it came from, and in words. */
export const DIRTY_CAUSE_KINDS = [
  'STORY_REVISED',
  'CRITERION_ADDED',
  'CRITERION_CHANGED',
  'CRITERION_REMOVED',
  'DESIGN_CHANGED',
  'DEPENDENCY_CHANGED',
  'STORY_LINKED',
  'STORY_UNLINKED',
] as const;
export type DirtyCauseKind = (typeof DIRTY_CAUSE_KINDS)[number];

export interface DirtyCause {
  readonly kind: DirtyCauseKind;
  /** The stream the change happened in, e.g. `story-<id>`. */
  readonly source: string;
  /** That stream's version after the change. */
  readonly version: number;
  /** When the change happened. */
  readonly at: string;
  /** For a person: `AC-12 of "Shorten a URL" changed: "7 characters" → "8 characters"`. */
  readonly summary: string;
}

/** Causes that make the design stale (DIRTY everywhere); the other, `DESIGN_CHANGED`, only the tests and code. */
export function staleDesignCause(cause: Pick<DirtyCause, 'kind'>): boolean {
  return cause.kind !== 'DESIGN_CHANGED';
}
