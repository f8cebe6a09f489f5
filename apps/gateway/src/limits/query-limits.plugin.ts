import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { measureOperation } from './query-limits';

/** Refuses operations deeper or costlier than the limits, before anything is executed. */
export function queryLimitsPlugin(limits: { maxDepth: number; maxCost: number }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const { depth, cost } = measureOperation(document, operation, request.variables ?? {});
          if (depth > limits.maxDepth) {
            throw new GraphQLError(
              `the query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`,
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  http: { status: 400 },
                  limit: 'depth',
                  depth,
                  maxDepth: limits.maxDepth,
                },
              },
            );
          }
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `the query costs ${cost}; at most ${limits.maxCost} is allowed (ask for fewer items per page)`,
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  http: { status: 400 },
                  limit: 'cost',
                  cost,
                  maxCost: limits.maxCost,
                },
              },
            );
          }
        },
      };
    },
  };
}
