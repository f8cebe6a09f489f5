import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });

/** What a subgraph answered: status line, media type and the body as text. */
export interface SubgraphReply {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly body: string;
}

/**
 * One POST to a subgraph over plain HTTP on kept-alive sockets (subgraphs live on loopback or a
 * private network). It goes straight through node:http: no WHATWG Request/Headers/Response objects
 * per call, which is most of what a `fetch` costs the gateway. The whole exchange must finish
 * within `timeoutMs`.
 */
export function postToSubgraph(
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
): Promise<SubgraphReply> {
  if (url.protocol !== 'http:')
    return Promise.reject(new Error(`subgraph URLs must be http: (got ${url.protocol}//${url.host})`));
  return new Promise<SubgraphReply>((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const req = request(
      {
        agent,
        method: 'POST',
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 502,
            statusText: res.statusMessage ?? '',
            contentType: res.headers['content-type'] ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', fail);
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`the subgraph at ${url.host} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on('error', fail);
    req.end(body);
  });
}
