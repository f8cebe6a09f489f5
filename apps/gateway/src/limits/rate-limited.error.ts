import { GraphQLError } from 'graphql';

/** RATE_LIMITED, HTTP 429 with Retry-After. */
export function rateLimitedError(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`${message}; retry in ${retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
