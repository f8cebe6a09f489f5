import type { CallerContext } from './subgraph-client';
import { SubgraphClient } from './subgraph-client';

export interface StoryFacts {
  readonly id: string;
  readonly projectId: string;
  readonly status: string;
  readonly title: string;
  readonly description: string;
  readonly version: number;
  readonly acceptanceCriteria: readonly { id: string; ref: string | null; description: string }[];
}

export interface ProjectFacts {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly version: number;
}

export interface DeterministicReview {
  readonly storyId: string;
  readonly score: number;
  readonly findings: readonly { rule: string; severity: string; message: string }[];
}

/** A criterion as prompts show it: `AC-12: text` (the text alone for one recorded before references existed). */
export function criterionLine(criterion: { ref: string | null; description: string }): string {
  return criterion.ref ? `${criterion.ref}: ${criterion.description}` : criterion.description;
}

const STORY_FIELDS =
  'id projectId status title description version acceptanceCriteria { id ref description }';

/** The stories service's public API, as the sessions service uses it. */
export class StoriesClient {
  private readonly client: SubgraphClient;

  constructor(url: string, secret: string) {
    this.client = new SubgraphClient('stories', url, secret);
  }

  async stories(caller: CallerContext, ids: readonly string[]): Promise<StoryFacts[]> {
    const found: StoryFacts[] = [];
    for (const id of ids) {
      const data = await this.client.request<{ story: StoryFacts | null }>(
        caller,
        `query ($id: ID!) { story(id: $id) { ${STORY_FIELDS} } }`,
        { id },
      );
      if (data.story) found.push(data.story);
    }
    return found;
  }

  async project(caller: CallerContext, id: string): Promise<ProjectFacts> {
    const data = await this.client.request<{ project: ProjectFacts }>(
      caller,
      `query ($id: ID!) { project(id: $id) { id name description version } }`,
      { id },
    );
    return data.project;
  }

  /** Every story of a project (pages of 100). */
  async projectStories(caller: CallerContext, projectId: string): Promise<StoryFacts[]> {
    const stories: StoryFacts[] = [];
    let after: string | null = null;
    for (;;) {
      const data: {
        stories: {
          edges: { node: StoryFacts }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await this.client.request(
        caller,
        `query ($projectId: ID!, $after: String) { stories(projectId: $projectId, first: 100, after: $after) {
            edges { node { ${STORY_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { projectId, after },
      );
      stories.push(...data.stories.edges.map((e) => e.node));
      if (!data.stories.pageInfo.hasNextPage) return stories;
      after = data.stories.pageInfo.endCursor;
    }
  }

  /** The stories service's deterministic review. */
  async review(caller: CallerContext, storyId: string): Promise<DeterministicReview> {
    const data = await this.client.request<{ reviewStory: DeterministicReview }>(
      caller,
      `query ($id: ID!) { reviewStory(id: $id) { storyId score findings { rule severity message } } }`,
      { id: storyId },
    );
    return data.reviewStory;
  }
}
