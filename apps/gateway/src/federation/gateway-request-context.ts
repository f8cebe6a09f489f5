import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Identity } from '@app/domain';
import { UnauthenticatedError } from '@app/domain';
import { correlationIdOf, documentTooLong } from '@app/platform';
import type { Authenticator } from '../auth/authenticator';
import type { RateLimiter } from '../limits/rate-limiter';
import type { GatewayContext } from './gateway-context';
import type { LaneMarks } from './single-fetch-lane';
import { AUTH_REFUSAL, LANE_RESULT, RATE_DECISION } from './single-fetch-lane';
import { AuthRateLimitedError } from '../auth/authenticator';
import { rateLimitedError } from '../limits/rate-limited.error';

type GatewayRequest = IncomingMessage & LaneMarks & { body?: unknown };

/** The length of the GraphQL document a POST carries (a GET's is bounded by the URL). */
function documentLength(req: GatewayRequest): number {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' ? query.length : 0;
}

/**
 * Apollo Server's context for one gateway request: the caller's identity from the bearer token
 * (401 UNAUTHENTICATED otherwise), one take from the token's rate limit (429 RATE_LIMITED with
 * Retry-After otherwise), a document no longer than the limit (QUERY_TOO_COMPLEX before anything
 * parses it), the correlation id, and what the fast lane already did for the request.
 */
export function gatewayRequestContext(deps: {
  readonly authenticator: Pick<Authenticator, 'authenticate'>;
  readonly limiter: RateLimiter;
  readonly maxDocumentLength: number;
}) {
  return async ({ req }: { req: GatewayRequest }): Promise<GatewayContext> => {
    let identity: Identity;
    try {
      // The fast lane may have tried already: its refusal stands (it was counted once).
      const refused = req[AUTH_REFUSAL];
      if (refused) throw refused;
      identity = await deps.authenticator.authenticate(req.headers.authorization, req.socket.remoteAddress);
    } catch (error) {
      if (error instanceof AuthRateLimitedError)
        throw rateLimitedError(error.message, error.retryAfterSeconds);
      const message = error instanceof UnauthenticatedError ? error.message : 'authentication failed';
      throw new GraphQLError(message, {
        extensions: {
          code: 'UNAUTHENTICATED',
          http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="codemyspec"']]) },
        },
      });
    }
    // The fast lane may have counted this request already (and executed it: LANE_RESULT).
    if (!(req[RATE_DECISION] ?? deps.limiter.take(identity.subject, Date.now())))
      throw rateLimitedError('rate limit exceeded', deps.limiter.retryAfterSeconds(identity.subject));
    const length = documentLength(req);
    if (length > deps.maxDocumentLength) throw documentTooLong(length, deps.maxDocumentLength);
    // The id pino-http gave the request (the caller's x-correlation-id when well-formed).
    return {
      identity,
      correlationId: typeof req.id === 'string' ? req.id : correlationIdOf(req),
      laneResult: req[LANE_RESULT],
    };
  };
}
