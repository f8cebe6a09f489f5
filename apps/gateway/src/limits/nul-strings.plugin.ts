import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { findNulString } from './nul-strings';

export function nulStringError(field: string): GraphQLError {
  return new GraphQLError(`${field} contains a NUL character (U+0000), which no input may hold`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      http: { status: 400 },
      details: [{ field, message: 'must not contain a NUL character' }],
    },
  });
}

/** Refuses any input string with a NUL character before it reaches a subgraph (or Postgres). */
export function nulStringsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const field = findNulString(document, request.variables ?? {});
          if (field) throw nulStringError(field);
        },
      };
    },
  };
}
