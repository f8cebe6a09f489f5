import type { ErrorCode, Identity } from '@app/domain';
import { DomainError, ERROR_CODES } from '@app/domain';
import {
  GraphqlAnswerError,
  GraphqlTransportError,
  IDENTITY_HEADER,
  postGraphql,
  signIdentity,
} from '@app/platform';

const KNOWN_CODES: readonly ErrorCode[] = ERROR_CODES.filter((code) => code !== 'INTERNAL');

/** Who is asking: the caller's identity (signed again for each hop) and the request's correlation id. */
export interface CallerContext {
  readonly identity: Identity;
  readonly correlationId: string;
}

/**
 * Calls another service's public GraphQL subgraph the way the gateway does: the caller's identity
 * signed with the shared secret, the correlation id passed on. A domain error keeps its code
 * (NOT_FOUND stays NOT_FOUND); a service that cannot be reached is UNAVAILABLE; anything else
 * becomes an error naming the service (for the log). The service may
 * run as several instances (`url` lists them, comma-separated): calls take turns, a refused
 * connection goes to the next instance, and so does a read that got no answer (a write that may
 * have arrived is not sent twice).
 */
export class SubgraphClient {
  private readonly urls: readonly string[];
  private turn = 0;

  constructor(
    readonly service: string,
    url: string,
    private readonly secret: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.urls = url.split(',').map((u) => u.trim());
  }

  async request<Data>(
    caller: CallerContext,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    const first = this.turn;
    this.turn = (this.turn + 1) % this.urls.length;
    const read = !/^\s*mutation\b/.test(query);
    for (let k = 0; ; k++) {
      try {
        return await postGraphql<Data>({
          url: this.urls[(first + k) % this.urls.length],
          query,
          variables,
          headers: {
            [IDENTITY_HEADER]: signIdentity(caller.identity, this.secret),
            'x-correlation-id': caller.correlationId,
          },
          timeoutMs: this.timeoutMs,
        });
      } catch (error) {
        const another =
          k + 1 < this.urls.length &&
          error instanceof GraphqlTransportError &&
          !error.reached &&
          (read || refused(error));
        if (!another) throw this.failure(error);
      }
    }
  }

  private failure(error: unknown): Error {
    if (error instanceof GraphqlAnswerError && (KNOWN_CODES as readonly string[]).includes(error.code))
      return new DomainError(error.code as ErrorCode, error.message, error.extensions);
    if (error instanceof GraphqlAnswerError)
      return new Error(`the ${this.service} service failed: ${error.message}`, { cause: error });
    // Down, restarting or too slow: retryable, and the client is not told which service it was.
    if (error instanceof GraphqlTransportError)
      return new DomainError(
        'UNAVAILABLE',
        'a service this request needs is not available right now (restarting or overloaded); try again in 2 s',
        { retryAfterSeconds: 2 },
      );
    return new Error(`the ${this.service} service did not answer: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The connection was refused: the request never reached that instance. */
function refused(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause)
    if ((cause as { code?: unknown }).code === 'ECONNREFUSED') return true;
  return false;
}
