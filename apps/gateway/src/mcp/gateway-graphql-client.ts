import { GraphqlAnswerError, postGraphql } from '@app/platform';

/** A GraphQL error as clients see it: its code (one of API.md's), message and details. */
export class GraphqlCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'GraphqlCallError';
  }
}

export type GraphqlCall = <Data>(query: string, variables?: Record<string, unknown>) => Promise<Data>;

/**
 * Runs operations against the gateway's own public `/graphql` with the caller's bearer token and
 * correlation id: MCP tools go through exactly the authentication, limits, scoping and resolvers
 * that GraphQL clients do, so no rule exists twice.
 */
export function gatewayGraphql(endpoint: string, authorization: string, correlationId: string): GraphqlCall {
  return async <Data>(query: string, variables: Record<string, unknown> = {}): Promise<Data> => {
    try {
      return await postGraphql<Data>({
        url: endpoint,
        query,
        variables,
        headers: { authorization, 'x-correlation-id': correlationId },
      });
    } catch (error) {
      if (error instanceof GraphqlAnswerError)
        throw new GraphqlCallError(error.code, error.message, error.extensions);
      throw new GraphqlCallError('INTERNAL', (error as Error).message, {});
    }
  };
}
