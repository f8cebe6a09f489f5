/** How a client of the public API (the CLI, the web console) sends one operation and gets its data. */
export type GraphqlCall = <Data>(query: string, variables?: Record<string, unknown>) => Promise<Data>;

interface StoriesPage<T> {
  readonly stories: {
    readonly edges: readonly { readonly node: T }[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

/** Every story of a project with the fields asked for, a page of 100 at a time. */
export async function allStories<T>(graphql: GraphqlCall, projectId: string, fields: string): Promise<T[]> {
  const stories: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: StoriesPage<T> = await graphql<StoriesPage<T>>(
      `query($p: ID!, $a: String) { stories(projectId: $p, first: 100, after: $a) {
          edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`,
      { p: projectId, a: after },
    );
    stories.push(...page.stories.edges.map((e) => e.node));
    if (!page.stories.pageInfo.hasNextPage) return stories;
    after = page.stories.pageInfo.endCursor;
  }
}
