import { ApolloGateway, LocalCompose } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { singleFetchRoute } from '../../apps/gateway/src/federation/single-fetch-route';
import { SingleFetchRoutes } from '../../apps/gateway/src/federation/single-fetch-routes';
import type { SubgraphSource } from '../../apps/gateway/src/federation/subgraph-source';
import { LocalSubgraphSource } from '../../apps/gateway/src/federation/subgraph-source';

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

/** A real Apollo Gateway over both, its calls per subgraph counted, its plans taught to `routes`. */
export function booksGateway() {
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
  const sources = new Map<string, SubgraphSource>();
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
      const local = new LocalSubgraphSource(name === 'books' ? booksSchema : reviewsSchema);
      const counted: SubgraphSource = {
        process: (options) => {
          calls.push(name);
          return local.process(options);
        },
        send: (request, context) => {
          calls.push(name);
          return local.send(request, context);
        },
      };
      sources.set(name, counted);
      return counted;
    },
    experimental_didResolveQueryPlan: ({ queryPlan, requestContext, operationContext }) => {
      planned += 1;
      routes.learn(requestContext, () =>
        singleFetchRoute(queryPlan, operationContext.operation, operationContext.schema),
      );
    },
  });
  return { gateway, routes, sources, calls, planned: () => planned };
}
