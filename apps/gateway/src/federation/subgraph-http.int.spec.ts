import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SubgraphHttp } from './subgraph-http';

/** A subgraph instance that answers with its own name. */
async function instance(name: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { name } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('SubgraphHttp across the instances of one subgraph', () => {
  it('takes turns, and sends what a stopped instance refuses to the other one', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const http = new SubgraphHttp(`${a.url},${b.url}`, 2_000);
    try {
      const ask = async () =>
        JSON.parse((await http.post({}, '{}', { idempotent: true })).body).data.name as string;
      expect([await ask(), await ask(), await ask(), await ask()].sort()).toEqual(['a', 'a', 'b', 'b']);
      a.server.closeAllConnections();
      await close(a.server);
      const answers = [await ask(), await ask(), await ask(), await ask()];
      expect(answers).toEqual(['b', 'b', 'b', 'b']);
    } finally {
      await http.close();
      await close(b.server);
    }
  });

  it('never sends a write twice: one whose connection broke fails', async () => {
    let served = 0;
    const a = createServer((request) => {
      served += 1;
      request.socket.destroy(); // dies with the request in hand
    });
    await new Promise<void>((resolve) => a.listen(0, '127.0.0.1', resolve));
    const b = await instance('b');
    const http = new SubgraphHttp(
      `http://127.0.0.1:${(a.address() as AddressInfo).port}/graphql,${b.url}`,
      2_000,
    );
    try {
      await expect(http.post({}, '{}', { idempotent: false })).rejects.toMatchObject({
        code: 'UND_ERR_SOCKET',
      });
      expect(served).toBe(1);
    } finally {
      await http.close();
      await close(a);
      await close(b.server);
    }
  });

  it('fails with the refusal when no instance is up', async () => {
    const a = await instance('a');
    a.server.closeAllConnections();
    await close(a.server);
    const http = new SubgraphHttp(a.url, 2_000);
    try {
      await expect(http.post({}, '{}')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await http.close();
    }
  });
});
