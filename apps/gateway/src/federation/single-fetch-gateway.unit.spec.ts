import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { withSingleFetchPath } from './single-fetch-gateway';
import { SingleFetchRoutes } from './single-fetch-routes';
import { booksGateway } from '../../../../test/support/books-gateway';

async function startGateway() {
  const { gateway, routes, sources, calls, planned } = booksGateway();
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
  return { server, run, calls, routes, planned };
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

  it('computes a route once per operation and forgets its routes when the supergraph changes', () => {
    const routes = new SingleFetchRoutes();
    const learnable = {
      source: '{ books { id } }',
      request: {},
      document: parse('{ books { id } }'),
    } as unknown as Parameters<SingleFetchRoutes['learn']>[0];
    const route = { serviceName: 'books' } as ReturnType<Parameters<SingleFetchRoutes['learn']>[1]>;
    let computed = 0;
    const compute = () => {
      computed += 1;
      return route;
    };
    routes.learn(learnable, compute);
    routes.learn(learnable, compute);
    expect(computed).toBe(1);
    expect(routes.lookup('{ books { id } }', undefined)?.route).toBe(route);
    expect(routes.lookup('{ books { id } }', 'Other')).toBeUndefined();
    routes.clear();
    expect(routes.lookup('{ books { id } }', null)).toBeUndefined();
  });
});
