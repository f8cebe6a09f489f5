import type { ErrorCode, Identity } from '@app/domain';
import { DomainError, ERROR_CODES } from '@app/domain';
import { GraphqlAnswerError, IDENTITY_HEADER, postGraphql, signIdentity } from '@app/platform';

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
    try {
      return await postGraphql<Data>({
        url: this.url,
        query,
        variables,
        headers: {
          [IDENTITY_HEADER]: signIdentity(caller.identity, this.secret),
          'x-correlation-id': caller.correlationId,
        },
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      if (error instanceof GraphqlAnswerError && (KNOWN_CODES as readonly string[]).includes(error.code))
        throw new DomainError(error.code as ErrorCode, error.message, error.extensions);
      if (error instanceof GraphqlAnswerError)
        throw new Error(`the ${this.service} service failed: ${error.message}`, { cause: error });
      throw new Error(`the ${this.service} service did not answer: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
