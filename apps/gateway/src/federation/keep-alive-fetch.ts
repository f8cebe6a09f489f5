import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });

/**
 * A small `fetch` for gateway → subgraph calls over plain HTTP on kept-alive sockets: a node:http
 * request per call, the answer as a standard `Response`. It costs the gateway less CPU per
 * subgraph call than the global (undici) fetch. Only http: is expected (subgraphs on a private
 * network or loopback); anything else goes to the global fetch.
 */
export function keepAliveFetch(timeoutMs: number) {
  return (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.protocol !== 'http:') return fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body =
      typeof init.body === 'string'
        ? init.body
        : init.body === undefined || init.body === null
          ? ''
          : String(init.body as unknown);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        {
          agent,
          method: init.method ?? 'POST',
          hostname: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [key, value] of Object.entries(res.headers)) {
              if (value === undefined) continue;
              for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(key, item);
            }
            resolve(
              new Response(Buffer.concat(chunks), {
                status: res.statusCode ?? 502,
                headers: responseHeaders,
              }),
            );
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () =>
        req.destroy(new Error(`the subgraph did not answer within ${timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
