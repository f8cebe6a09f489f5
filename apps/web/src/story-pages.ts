import { gql } from './api';

/** Every story of a project with the fields asked for, 100 a page (a board shows them all). */
export async function allStories<T>(projectId: string, fields: string): Promise<T[]> {
  const stories: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      stories: { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await gql(
      `query($p: ID!, $a: String) { stories(projectId: $p, first: 100, after: $a) {
          edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`,
      { p: projectId, a: after },
    );
    stories.push(...page.stories.edges.map((e) => e.node));
    if (!page.stories.pageInfo.hasNextPage) return stories;
    after = page.stories.pageInfo.endCursor;
  }
}
