import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** How long a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * A service the request needs did not answer (down, restarting, or too slow): `UNAVAILABLE`,
 * retryable. The message names no service: the topology behind the gateway is nobody's business.
 */
export function subgraphUnavailable(cause: unknown, mayHaveApplied = false): GraphQLError {
  const advice = mayHaveApplied
    ? 'the change may have been made: look before trying again'
    : `try again in ${RETRY_AFTER_SECONDS} s`;
  return new GraphQLError(
    `a service this request needs is not available right now (restarting or overloaded); ${advice}`,
    {
      originalError: cause instanceof Error ? cause : undefined,
      extensions: { code: 'UNAVAILABLE', retryAfterSeconds: RETRY_AFTER_SECONDS },
    },
  );
}

/**
 * A response whose errors include UNAVAILABLE (from any subgraph, or from the gateway failing to
 * reach one) is sent as HTTP 503 with `Retry-After`, so that HTTP clients and proxies retry too.
 */
export function unavailableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((error) => error.extensions?.code === 'UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
