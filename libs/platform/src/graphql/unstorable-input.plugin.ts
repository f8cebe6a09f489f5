import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { BadInput } from './unstorable-input';
import { findBadInput } from './unstorable-input';

/** The refusal of an input no service can take: `BAD_USER_INPUT`, naming the field. */
export function badInputError(bad: BadInput): GraphQLError {
  return new GraphQLError(`${bad.field} ${bad.message}`, {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, details: [bad] },
  });
}

/**
 * Refuses, before anything runs, any input string that PostgreSQL cannot store (NUL, a lone
 * UTF-16 surrogate) and any input nested too deeply. The gateway and every subgraph run it, so a
 * driver error never stands in for a clear refusal.
 */
export function unstorableInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const bad = findBadInput(document, request.variables ?? {});
          if (bad) throw badInputError(bad);
        },
      };
    },
  };
}
