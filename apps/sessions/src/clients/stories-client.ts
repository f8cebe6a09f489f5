import type { CallerContext } from './subgraph-client';
import { SubgraphClient } from './subgraph-client';

export interface StoryFacts {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly version: number;
  readonly acceptanceCriteria: readonly { id: string; description: string }[];
}

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
        `query ($id: ID!) { story(id: $id) { id title description version acceptanceCriteria { id description } } }`,
        { id },
      );
      if (data.story) found.push(data.story);
    }
    return found;
  }
}
