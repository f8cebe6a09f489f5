import type { GraphQLDataSource } from '@apollo/gateway';
import { ApolloGateway, LocalCompose, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { SingleFetchRoutes, withSingleFetchPath } from './single-fetch-gateway';
import { singleFetchRoute } from './single-fetch-route';

// Two in-process subgraphs behind a real Apollo Gateway: `books` owns Book, `reviews` adds a field.
const booksTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  enum Status { DRAFT PUBLISHED }
  type Book @key(fields: "id") { id: ID! title: String! status: Status! subtitle: String }
  type Query { book(id: ID!): Book books(first: Int = 2): [Book!]! missing: Book! }
  type Mutation { rename(id: ID!, title: String!): Book }
`);
const reviewsTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Book @key(fields: "id") { id: ID! reviews: [String!]! }
`);

interface Book {
  id: string;
  title: string;
  status: string;
  subtitle: string | null;
}

function notFound(id: string): GraphQLError {
  return new GraphQLError(`book ${id} not found`, { extensions: { code: 'NOT_FOUND', id } });
}

async function startGateway() {
  const books = new Map<string, Book>([
    ['1', { id: '1', title: 'Dune', status: 'PUBLISHED', subtitle: null }],
    ['2', { id: '2', title: 'Emma', status: 'DRAFT', subtitle: 'A novel' }],
  ]);
  const booksSchema = buildSubgraphSchema([
    {
      typeDefs: booksTypeDefs,
      resolvers: {
        Query: {
          book: (_: unknown, { id }: { id: string }) => {
            const book = books.get(id);
            if (!book) throw notFound(id);
            return book;
          },
          books: (_: unknown, { first }: { first: number }) => [...books.values()].slice(0, first),
          missing: () => {
            throw notFound('none');
          },
        },
        Mutation: {
          rename: (_: unknown, { id, title }: { id: string; title: string }) => {
            const book = books.get(id);
            if (!book) throw notFound(id);
            book.title = title;
            return book;
          },
        },
        Book: { __resolveReference: ({ id }: { id: string }) => books.get(id) },
      },
    },
  ]);
  const reviewsSchema = buildSubgraphSchema([
    {
      typeDefs: reviewsTypeDefs,
      resolvers: { Book: { reviews: ({ id }: { id: string }) => [`review of ${id}`] } },
    },
  ]);

  const calls: string[] = [];
  const sources = new Map<string, GraphQLDataSource>();
  const routes = new SingleFetchRoutes();
  let planned = 0;
  const gateway = new ApolloGateway({
    supergraphSdl: new LocalCompose({
      localServiceList: [
        { name: 'books', url: 'local://books', typeDefs: booksTypeDefs },
        { name: 'reviews', url: 'local://reviews', typeDefs: reviewsTypeDefs },
      ],
    }),
    buildService: ({ name }) => {
      const local = new LocalGraphQLDataSource(name === 'books' ? booksSchema : reviewsSchema);
      const counted: GraphQLDataSource = {
        process: (options) => {
          calls.push(name);
          return local.process(options);
        },
      };
      sources.set(name, counted);
      return counted;
    },
    experimental_didResolveQueryPlan: ({ queryPlan, requestContext, operationContext }) => {
      planned += 1;
      routes.learn(
        SingleFetchRoutes.keyOf(requestContext),
        singleFetchRoute(queryPlan, operationContext.operation, operationContext.schema),
      );
    },
  });
  const server = new ApolloServer({ gateway: withSingleFetchPath(gateway, routes, sources) });
  await server.start();

  async function run(query: string, variables?: Record<string, unknown>) {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    return {
      status: response.http.status,
      data,
      errors: errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
    };
  }
  return { server, run, calls, routes, planned: () => planned };
}

describe('the single-fetch path of the gateway', () => {
  let system: Awaited<ReturnType<typeof startGateway>>;
  beforeEach(async () => {
    system = await startGateway();
  });
  afterEach(async () => {
    await system.server.stop();
  });

  /** Runs `query` twice and returns both results and how many runs were planned by Apollo. */
  async function twice(query: string, variables?: Record<string, unknown>) {
    const before = system.planned();
    const first = await system.run(query, variables);
    const second = await system.run(query, variables);
    return { first, second, planned: system.planned() - before };
  }

  it('answers a one-subgraph query from the subgraph after planning it once, with the same result', async () => {
    const query =
      'query Two($id: ID!) { book(id: $id) { id name: title status subtitle } all: books { id } }';
    const { first, second, planned } = await twice(query, { id: '2' });
    expect(planned).toBe(1);
    expect(second).toEqual(first);
    expect(first.data).toEqual({
      book: { id: '2', name: 'Emma', status: 'DRAFT', subtitle: 'A novel' },
      all: [{ id: '1' }, { id: '2' }],
    });
    expect(system.calls).toEqual(['books', 'books']);
  });

  it('plans every time what needs two subgraphs or gateway-side work', async () => {
    for (const query of [
      '{ book(id: "1") { title reviews } }',
      '{ __typename book(id: "1") { title } }',
      '{ book(id: "1") { ...F } } fragment F on Book { title }',
      '{ __schema { queryType { name } } }',
    ]) {
      const { first, second, planned } = await twice(query);
      expect(planned).toBe(2);
      expect(second).toEqual(first);
      expect(first.errors).toBeUndefined();
    }
  });

  it('reports a subgraph error with its code and path, as the planned execution does', async () => {
    const { first, second, planned } = await twice('query($id: ID!) { book(id: $id) { id } }', { id: '9' });
    expect(planned).toBe(1);
    expect(second).toEqual(first);
    expect(first.data).toEqual({ book: null });
    expect(first.errors).toEqual([{ message: 'book 9 not found', path: ['book'], code: 'NOT_FOUND' }]);

    const nonNull = await twice('{ missing { id } }');
    expect(nonNull.second).toEqual(nonNull.first);
    expect(nonNull.first.data).toBeNull();
  });

  it('validates variables against the API schema before calling the subgraph', async () => {
    const query = 'query($id: ID!) { book(id: $id) { id } }';
    await system.run(query, { id: '1' });
    const calls = system.calls.length;
    const invalid = await system.run(query, { id: { not: 'an id' } });
    expect(invalid.data).toBeUndefined();
    expect(invalid.errors).toHaveLength(1);
    expect(invalid.errors?.[0].message).toMatch(/\$id/);
    expect(system.calls).toHaveLength(calls);
  });

  it('runs a one-subgraph mutation once per request', async () => {
    const mutation = 'mutation($t: String!) { rename(id: "1", title: $t) { title } }';
    const first = await system.run(mutation, { t: 'Dune I' });
    const second = await system.run(mutation, { t: 'Dune II' });
    expect(first.data).toEqual({ rename: { title: 'Dune I' } });
    expect(second.data).toEqual({ rename: { title: 'Dune II' } });
    expect(system.calls).toEqual(['books', 'books']);
    expect(system.routes.size).toBe(1);
  });

  it('forgets its routes when the supergraph changes', () => {
    const routes = new SingleFetchRoutes();
    const key = SingleFetchRoutes.keyOf({ queryHash: 'h', operationName: null });
    routes.learn(key, null);
    expect(routes.get(key)).toBeNull();
    routes.clear();
    expect(routes.get(key)).toBeUndefined();
  });
});
