import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { GraphqlAnswerError, GraphqlTransportError, postGraphql } from './graphql-client';

/** The GraphQL client against a real HTTP server on loopback, answering as scripted. */
describe('postGraphql', () => {
  let server: Server;
  let url: string;
  let answer: (body: Record<string, unknown>) => { status: number; body: string; delayMs?: number };
  const seen: { headers: Record<string, unknown>; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const body = JSON.parse(raw) as Record<string, unknown>;
        seen.push({ headers: req.headers, body });
        const reply = answer(body);
        const timer = setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
        }, reply.delayMs ?? 0);
        res.on('close', () => clearTimeout(timer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (seen.length = 0));

  it('posts the query, variables and headers as JSON and returns the data', async () => {
    answer = () => ({ status: 200, body: JSON.stringify({ data: { me: { id: 'u-1' } } }) });
    const data = await postGraphql<{ me: { id: string } }>({
      url,
      query: 'query Me($x: Int) { me { id } }',
      variables: { x: 1 },
      headers: { authorization: 'Bearer t' },
    });
    expect(data).toEqual({ me: { id: 'u-1' } });
    expect(seen[0].body).toEqual({ query: 'query Me($x: Int) { me { id } }', variables: { x: 1 } });
    expect(seen[0].headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/json' });
  });

  it('turns the first GraphQL error into an answer error with its code, extensions and status', async () => {
    answer = () => ({
      status: 400,
      body: JSON.stringify({
        data: null,
        errors: [
          { message: 'no such story', extensions: { code: 'NOT_FOUND', id: 's-1' } },
          { message: 'second' },
        ],
      }),
    });
    const error = (await postGraphql({ url, query: '{ x }' }).catch((e: unknown) => e)) as GraphqlAnswerError;
    expect(error).toBeInstanceOf(GraphqlAnswerError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'no such story', extensions: { id: 's-1' } });
    expect(error.status).toBe(400);
  });

  it('calls an error without a code INTERNAL, and an answer without data a transport error', async () => {
    answer = () => ({ status: 200, body: JSON.stringify({ errors: [{ message: 'boom' }] }) });
    await expect(postGraphql({ url, query: '{ x }' })).rejects.toMatchObject({ code: 'INTERNAL' });
    answer = () => ({ status: 502, body: 'Bad gateway' });
    await expect(postGraphql({ url, query: '{ x }' })).rejects.toThrow(
      new GraphqlTransportError(`${url} answered HTTP 502 without data`, true),
    );
  });

  it('gives up on a server that does not answer in time, and on one that is not there', async () => {
    answer = () => ({ status: 200, body: '{"data":{}}', delayMs: 5_000 });
    const late = (await postGraphql({ url, query: '{ x }', timeoutMs: 100 }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(late).toBeInstanceOf(GraphqlTransportError);
    expect(late).toMatchObject({ reached: false });
    expect(late.message).toMatch(/^no answer from .*: .*(timeout|aborted)/i);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(postGraphql({ url: `http://127.0.0.1:${port}/graphql`, query: '{ x }' })).rejects.toThrow(
      /^no answer from http:\/\/127\.0\.0\.1:\d+\/graphql: /,
    );
  });
});
