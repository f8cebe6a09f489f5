import type { ErrorCode, Identity } from '@app/domain';
import { DomainError, ERROR_CODES } from '@app/domain';
import { IDENTITY_HEADER, signIdentity } from '@app/platform';

const KNOWN_CODES: readonly ErrorCode[] = ERROR_CODES.filter((code) => code !== 'INTERNAL');

/** Who is asking: the caller's identity (signed again for each hop) and the request's correlation id. */
export interface CallerContext {
  readonly identity: Identity;
  readonly correlationId: string;
}

/**
 * Calls another service's public GraphQL subgraph the way the gateway does: the caller's identity
 * signed with the shared secret, the correlation id passed on. A domain error keeps its code
 * (NOT_FOUND stays NOT_FOUND); anything else becomes an error naming the service.
 */
export class SubgraphClient {
  constructor(
    readonly service: string,
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async request<Data>(
    caller: CallerContext,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: signIdentity(caller.identity, this.secret),
          'x-correlation-id': caller.correlationId,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new Error(`the ${this.service} service did not answer: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const body = (await response.json().catch(() => ({}))) as {
      data?: Data;
      errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
    };
    const first = body.errors?.[0];
    if (first) {
      const code = first.extensions?.code as ErrorCode | undefined;
      if (code && KNOWN_CODES.includes(code)) {
        const { code: _code, ...details } = first.extensions ?? {};
        throw new DomainError(code, first.message, details);
      }
      throw new Error(`the ${this.service} service failed: ${first.message}`);
    }
    if (!body.data)
      throw new Error(`the ${this.service} service answered HTTP ${response.status} without data`);
    return body.data;
  }
}
