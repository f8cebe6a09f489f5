import type { AcceptanceCriterion, Story } from '../../story/story.state';

/** What queries tell about stories and projects; the GraphQL layer serves these under its own type names. */

/** A criterion as the story holds it. */
export type CriterionView = AcceptanceCriterion;

/** A story as it stands (a live one: no deletion mark), naming its component by id. */
export type StoryView = Omit<Story, 'component' | 'deletedAt'> & { readonly componentId: string | null };

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
