import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Identity } from '@app/domain';
import { UnauthenticatedError } from '@app/domain';
import { formatGraphqlError } from '@app/platform';
import { jsonBody } from '../limits/json-body.middleware';
import { queryLimitsPlugin } from '../limits/query-limits.plugin';
import { RateLimiter } from '../limits/rate-limiter';
import type { GatewayContext } from './gateway-context';
import { gatewayRequestContext } from './gateway-request-context';
import { withSingleFetchPath } from './single-fetch-gateway';
import { singleFetchLane } from './single-fetch-lane';
import { booksGateway } from '../../../../test/support/books-gateway';

const TOKEN = 'cms_lane-spec-token';
const reader: Identity = { subject: 'tok-1', role: 'VIEWER', projectId: null, actor: 'reader' };
const authenticator = {
  authenticate: (authorization: string | undefined): Promise<Identity> =>
    authorization === `Bearer ${TOKEN}`
      ? Promise.resolve(reader)
      : Promise.reject(new UnauthenticatedError('invalid or revoked token')),
};
const LIMITS = { maxDepth: 12, maxCost: 50, maxFragments: 50, maxAliases: 50, maxDirectives: 50 };

/**
 * The gateway's HTTP path on a real loopback server, as production wires it: the JSON body
 * limit, the single-fetch lane, then Apollo Server (limits plugin, the gateway's context and
 * error format) over a real Apollo Gateway and two in-process subgraphs.
 */
async function startHttpGateway(burst = 1_000) {
  const books = booksGateway();
  const limiter = new RateLimiter(0.001, burst);
  let apolloRequests = 0;
  const counter: ApolloServerPlugin<GatewayContext> = {
    requestDidStart: () => {
      apolloRequests += 1;
      return Promise.resolve({});
    },
  };
  const apollo = new ApolloServer<GatewayContext>({
    gateway: withSingleFetchPath(books.gateway, books.routes, books.sources),
    formatError: formatGraphqlError,
    plugins: [queryLimitsPlugin(LIMITS), counter],
  });
  await apollo.start();
  const context = gatewayRequestContext({ authenticator, limiter, maxDocumentLength: 100_000 });
  const body = jsonBody(1024 * 1024);
  const lane = singleFetchLane({ ...books, authenticator, limiter, limits: LIMITS });
  const server: Server = createServer((req: IncomingMessage & { body?: unknown }, res) => {
    body(req, res, () =>
      lane(req, res, () => {
        const headers = new HeaderMap();
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === 'string') headers.set(name, value);
        void apollo
          .executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: req.method ?? 'POST', headers, search: '', body: req.body },
            context: () => context({ req }),
          })
          .then((result) => {
            res.statusCode = result.status ?? 200;
            for (const [name, value] of result.headers) res.setHeader(name, value);
            res.end(result.body.kind === 'complete' ? result.body.string : '');
          });
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  async function post(query: string, variables?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
    };
  }
  return {
    post,
    calls: books.calls,
    apolloRequests: () => apolloRequests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    },
  };
}

describe('the single-fetch lane in front of Apollo Server', () => {
  let system: Awaited<ReturnType<typeof startHttpGateway>> | undefined;
  afterEach(async () => {
    await system?.stop();
    system = undefined;
  });

  it('answers a learned query itself, byte for byte as Apollo Server did', async () => {
    system = await startHttpGateway();
    const query = 'query($id: ID!) { book(id: $id) { id title status } }';
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await system.post(query, { id: '2' }));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: { data: { book: { id: '2', title: 'Emma', status: 'DRAFT' } } },
    });
    expect(system.apolloRequests()).toBe(1);
    expect(system.calls).toEqual(['books', 'books', 'books']);
  });

  it('leaves errors to Apollo Server without calling the subgraph twice', async () => {
    system = await startHttpGateway();
    const query = '{ book(id: "9") { id } }';
    const first = await system.post(query);
    const second = await system.post(query);
    expect(second).toEqual(first);
    expect(first.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(system.calls).toEqual(['books', 'books']);
    expect(system.apolloRequests()).toBe(2);
  });

  it('counts each request once against the rate limit, and Apollo Server refuses past it', async () => {
    system = await startHttpGateway(3);
    const query = '{ books { id } }';
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await system.post(query)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await system.post(query);
    expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('passes on what it does not serve: bad tokens, other media types, costly variables', async () => {
    system = await startHttpGateway();
    const query = 'query($n: Int) { books(first: $n) { id } }';
    await system.post(query, { n: 1 });
    await system.post(query, { n: 1 });
    expect(system.apolloRequests()).toBe(1);

    const stranger = await system.post(query, { n: 1 }, { authorization: 'Bearer nope' });
    expect(stranger.status).toBe(401);
    expect(stranger.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const modern = await system.post(query, { n: 1 }, { accept: 'application/graphql-response+json' });
    expect(modern.type).toMatch(/^application\/graphql-response\+json/);
    expect(modern.body.data).toEqual({ books: [{ id: '1' }] });

    const costly = await system.post(query, { n: 1_000 });
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');

    const invalid = await system.post(query, { n: 'many' });
    expect(invalid.status).toBe(400);
    // The stranger was refused by Apollo's context, before any plugin sees a request.
    expect(system.apolloRequests()).toBe(4);
  });
});
