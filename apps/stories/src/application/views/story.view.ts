import type { StoryPriority, StoryStatus } from '../../story/story.values';

/** What queries tell about stories and projects; the GraphQL layer serves these under its own type names. */
export interface CriterionView {
  readonly id: string;
  /** `AC-<n>`, unique in the project; null for a criterion recorded before references existed. */
  readonly ref: string | null;
  readonly description: string;
  readonly verified: boolean;
}

export interface StoryView {
  readonly id: string;
  readonly projectId: string;
  readonly title: string;
  readonly description: string;
  readonly status: StoryStatus;
  readonly priority: StoryPriority;
  readonly version: number;
  readonly tags: readonly string[];
  readonly acceptanceCriteria: readonly CriterionView[];
  readonly componentId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface StoryPageView {
  readonly edges: readonly { readonly node: StoryView; readonly cursor: string }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

export interface ProjectView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly archived: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
