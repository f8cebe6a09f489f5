import { STATUS_CODES } from 'node:http';
import { Pool } from 'undici';

/** What a subgraph answered: status line, media type and the body as text. */
export interface SubgraphReply {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly body: string;
}

/**
 * POSTs to one subgraph over plain HTTP on a pool of kept-alive connections (undici's
 * dispatcher: no WHATWG Request/Headers/Response per call, which is most of what `fetch` costs
 * the gateway, and less per call than node:http). Subgraphs live on loopback or a private
 * network, so only http: is accepted. Each exchange must finish within `timeoutMs`.
 */
export class SubgraphHttp {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    readonly url: URL,
    private readonly timeoutMs: number,
  ) {
    if (url.protocol !== 'http:')
      throw new Error(`subgraph URLs must be http: (got ${url.protocol}//${url.host})`);
    this.pool = new Pool(url.origin, { connections: 256, keepAliveTimeout: 10_000 });
    this.path = `${url.pathname}${url.search}`;
  }

  async post(headers: Readonly<Record<string, string>>, body: string): Promise<SubgraphReply> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const reply = await this.pool.request({ method: 'POST', path: this.path, headers, body, signal });
      const header = reply.headers['content-type'];
      return {
        status: reply.statusCode,
        statusText: STATUS_CODES[reply.statusCode] ?? '',
        contentType: (Array.isArray(header) ? header[0] : header) ?? '',
        body: await reply.body.text(),
      };
    } catch (error) {
      if (signal.aborted)
        throw new Error(`the subgraph at ${this.url.host} did not answer within ${this.timeoutMs} ms`, {
          cause: error,
        });
      throw error;
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
