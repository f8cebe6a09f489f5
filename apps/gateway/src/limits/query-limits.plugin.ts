import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { LimitExceeded, QueryLimits } from './query-limits';
import { exceededLimit, limitMessage } from './query-limits';

/** The client-visible refusal: `QUERY_TOO_COMPLEX`, with the limit's name and both figures. */
export function queryTooComplex(exceeded: LimitExceeded): GraphQLError {
  return new GraphQLError(limitMessage(exceeded), {
    extensions: {
      code: 'QUERY_TOO_COMPLEX',
      http: { status: 400 },
      limit: exceeded.limit,
      value: exceeded.value,
      max: exceeded.max,
    },
  });
}

/**
 * Refuses operations over a limit (fragments, aliases, directives, depth, cost) before anything
 * is executed.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const exceeded = exceededLimit(document, operation, request.variables ?? {}, limits);
          if (exceeded) throw queryTooComplex(exceeded);
        },
      };
    },
  };
}
