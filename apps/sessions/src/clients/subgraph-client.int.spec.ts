import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '@app/domain';
import { SubgraphClient } from './subgraph-client';

const SECRET = 'int-internal-secret-0123456789abcdefghijkl';
const caller = {
  identity: { subject: 's', role: 'EDITOR' as const, projectId: null, actor: 'tester' },
  correlationId: 'c-1',
};

describe('SubgraphClient (the sessions service calling another service)', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  const serve = async (body: unknown): Promise<string> => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  };

  it('keeps the code of a domain error the other service answered', async () => {
    const url = await serve({
      errors: [{ message: 'component x was not found', extensions: { code: 'NOT_FOUND' } }],
    });
    const failure = await new SubgraphClient('architect', url, SECRET)
      .request(caller, '{ x }')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'NOT_FOUND', message: 'component x was not found' });
  });

  it('answers UNAVAILABLE, naming no service, when the service cannot be reached', async () => {
    const client = new SubgraphClient('architect', 'http://127.0.0.1:9/graphql', SECRET, 1_000);
    const failure = (await client.request(caller, '{ x }').catch((e: unknown) => e)) as DomainError;
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure.code).toBe('UNAVAILABLE');
    expect(failure.details).toEqual({ retryAfterSeconds: 2 });
    expect(failure.message).not.toContain('architect');
  });
});
