import { STATUS_CODES } from 'node:http';
import { Pool } from 'undici';

/** What a subgraph answered: status line, media type and the body as text, and which instance. */
export interface SubgraphReply {
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly body: string;
  readonly url: string;
}

/** How long an instance that refused a connection is passed over. */
const DOWN_FOR_MS = 2_000;

/** Errors that prove the request never reached the instance: it can go to another one. */
const NOT_REACHED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
/** The connection broke (the instance died with it open): a read may be asked again elsewhere. */
const BROKEN = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

interface Instance {
  readonly url: URL;
  readonly pool: Pool;
  readonly path: string;
  downUntil: number;
}

/**
 * POSTs to a subgraph over plain HTTP on pools of kept-alive connections (undici's dispatcher: no
 * WHATWG Request/Headers/Response per call, which is most of what `fetch` costs the gateway, and
 * less per call than node:http). A subgraph may run as several instances (a comma-separated list
 * of URLs): requests take turns, and one whose connection is refused goes to the next instance at
 * once, the refusing one being passed over for a moment. A read whose connection broke is asked
 * again of the next instance; a write that may have reached an instance is never sent twice. Subgraphs live on loopback or a private network, so
 * only http: is accepted. Each exchange must finish within `timeoutMs`.
 */
export class SubgraphHttp {
  private readonly instances: Instance[];
  private turn = 0;

  constructor(
    urls: string,
    private readonly timeoutMs: number,
  ) {
    this.instances = urls.split(',').map((text) => {
      const url = new URL(text.trim());
      if (url.protocol !== 'http:')
        throw new Error(`subgraph URLs must be http: (got ${url.protocol}//${url.host})`);
      const pool = new Pool(url.origin, { connections: 256, keepAliveTimeout: 10_000 });
      return { url, pool, path: `${url.pathname}${url.search}`, downUntil: 0 };
    });
  }

  /** `idempotent`: a read, which may go to another instance after its connection broke. */
  async post(
    headers: Readonly<Record<string, string>>,
    body: string,
    options: { idempotent: boolean } = { idempotent: false },
  ): Promise<SubgraphReply> {
    const now = Date.now();
    const order = this.instances.map((_, k) => this.instances[(this.turn + k) % this.instances.length]);
    this.turn = (this.turn + 1) % this.instances.length;
    // Instances that refused lately go last, not never: all of them may be back.
    const candidates = [
      ...order.filter((i) => i.downUntil <= now),
      ...order.filter((i) => i.downUntil > now),
    ];
    let refused: unknown;
    for (const instance of candidates) {
      try {
        return await this.postTo(instance, headers, body);
      } catch (error) {
        const code = codeOf(error);
        if (!NOT_REACHED.has(code) && !(options.idempotent && BROKEN.has(code))) throw error;
        instance.downUntil = Date.now() + DOWN_FOR_MS;
        refused = error;
      }
    }
    throw refused;
  }

  close(): Promise<void> {
    return Promise.all(this.instances.map((i) => i.pool.close())).then(() => undefined);
  }

  private async postTo(
    instance: Instance,
    headers: Readonly<Record<string, string>>,
    body: string,
  ): Promise<SubgraphReply> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const reply = await instance.pool.request({
        method: 'POST',
        path: instance.path,
        headers,
        body,
        signal,
      });
      const header = reply.headers['content-type'];
      return {
        status: reply.statusCode,
        statusText: STATUS_CODES[reply.statusCode] ?? '',
        contentType: (Array.isArray(header) ? header[0] : header) ?? '',
        body: await reply.body.text(),
        url: instance.url.href,
      };
    } catch (error) {
      if (signal.aborted)
        throw new SubgraphTimeoutError(
          `the subgraph at ${instance.url.host} did not answer within ${this.timeoutMs} ms`,
          { cause: error },
        );
      throw error;
    }
  }
}

/**
 * True when the subgraph never answered: no instance took the connection, the connection broke,
 * or the answer did not come in time. Such a call is reported as UNAVAILABLE (retryable).
 */
export function isUnanswered(error: unknown): boolean {
  const code = codeOf(error);
  return NOT_REACHED.has(code) || BROKEN.has(code) || error instanceof SubgraphTimeoutError;
}

/** True when the request surely never reached an instance (the connection was refused). */
export function isUnreached(error: unknown): boolean {
  return NOT_REACHED.has(codeOf(error));
}

/** The subgraph did not answer within the gateway's timeout. */
export class SubgraphTimeoutError extends Error {}

function codeOf(error: unknown): string {
  const direct = (error as { code?: unknown } | null)?.code;
  if (typeof direct === 'string') return direct;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : '';
}
