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
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'x-correlation-id': correlationId },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      data?: Data;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    const first = body.errors?.[0];
    if (first) {
      const { code, ...extensions } = first.extensions ?? {};
      throw new GraphqlCallError(typeof code === 'string' ? code : 'INTERNAL', first.message, extensions);
    }
    if (!body.data)
      throw new GraphqlCallError('INTERNAL', `the gateway answered HTTP ${response.status} without data`, {});
    return body.data;
  };
}
