import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, verifyIdentity } from '@app/platform';
import type { GatewayContext } from './gateway-context';
import { IdentitySigner } from './identity-signer';
import { SignedSubgraphSource } from './signed-subgraph-source';

const SECRET = 'int-internal-secret-0123456789abcdefghijkl';
const editor = { subject: 'tok-7', role: 'EDITOR', projectId: 'p-1', actor: 'eve' } as const;

interface Seen {
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** A real HTTP server on loopback that answers each POST with the scripted reply. */
async function subgraph(reply: (seen: Seen) => { status: number; type?: string; body: string } | 'hang') {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
      seen.push(request);
      const answer = reply(request);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function operation(context: Partial<GatewayContext>): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    request: {
      query: 'query Q($id: ID!) { story(id: $id) { id } }',
      variables: { id: 's1' },
      operationName: 'Q',
    },
    context,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

describe('SignedSubgraphSource', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function source(reply: Parameters<typeof subgraph>[0], timeoutMs = 5_000) {
    const server = await subgraph(reply);
    const client = new SignedSubgraphSource(server.url, new IdentitySigner(SECRET), timeoutMs);
    closers.push(() => client.close(), server.close);
    return { server, client };
  }

  it('sends the operation with the signed identity and correlation id, and returns the JSON answer', async () => {
    const { server, client } = await source(() => ({ status: 200, body: '{"data":{"story":{"id":"s1"}}}' }));
    const response = await client.process(operation({ identity: editor, correlationId: 'corr-42' }));
    expect(response).toEqual({ data: { story: { id: 's1' } } });
    const [request] = server.seen;
    expect(request.body).toEqual({
      query: 'query Q($id: ID!) { story(id: $id) { id } }',
      variables: { id: 's1' },
      operationName: 'Q',
    });
    expect(verifyIdentity(request.headers[IDENTITY_HEADER] as string, SECRET)).toEqual(editor);
    expect(request.headers['x-correlation-id']).toBe('corr-42');
    expect(request.headers['content-type']).toBe('application/json');
  });

  it('signs as the gateway itself when there is no caller (composition)', async () => {
    const { server, client } = await source(() => ({ status: 200, body: '{"data":{}}' }));
    await client.process(operation({}));
    expect(verifyIdentity(server.seen[0].headers[IDENTITY_HEADER] as string, SECRET).subject).toBe('system');
  });

  it('turns a refusal into an error with the status and body, 401 as UNAUTHENTICATED', async () => {
    const { client } = await source(() => ({
      status: 401,
      body: '{"errors":[{"message":"bad signature"}]}',
    }));
    const error = (await client
      .process(operation({ identity: editor }))
      .catch((e: unknown) => e)) as GraphQLError;
    expect(error.message).toBe('401: Unauthorized');
    expect(error.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      response: { status: 401, body: { errors: [{ message: 'bad signature' }] } },
    });
  });

  it('refuses an answer that is not a JSON object', async () => {
    const { client } = await source(() => ({ status: 200, type: 'text/html', body: '<h1>proxy</h1>' }));
    await expect(client.process(operation({ identity: editor }))).rejects.toThrow(
      'Expected JSON response body, but received: <h1>proxy</h1>',
    );
  });

  it('gives up on a subgraph that does not answer in time: UNAVAILABLE, naming no service', async () => {
    const { client } = await source(() => 'hang', 300);
    const started = Date.now();
    const failure = (await client
      .process(operation({ identity: editor }))
      .catch((e: unknown) => e)) as GraphQLError;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(failure.extensions).toEqual({ code: 'UNAVAILABLE', retryAfterSeconds: 2 });
    expect(failure.message).not.toMatch(/127\.0\.0\.1|subgraph/);
    // The cause, for the log: the instance and the timeout.
    expect(failure.originalError?.message).toMatch(/did not answer within 300 ms/);
  });

  it('answers UNAVAILABLE when no instance takes the connection', async () => {
    const client = new SignedSubgraphSource('http://127.0.0.1:9/graphql', new IdentitySigner(SECRET), 1_000);
    const failure = (await client
      .process(operation({ identity: editor }))
      .catch((e: unknown) => e)) as GraphQLError;
    expect(failure.extensions?.code).toBe('UNAVAILABLE');
    await client.close();
  });
});
