import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Identity } from '@app/domain';
import { correlationIdOf, UnauthenticatedError } from '@app/domain';
import type { Authenticator } from '../auth/authenticator';
import type { RateLimiter } from '../limits/rate-limiter';
import type { GatewayContext } from './gateway-context';
import type { LaneMarks } from './single-fetch-lane';
import { LANE_RESULT, RATE_DECISION } from './single-fetch-lane';

type GatewayRequest = IncomingMessage & LaneMarks;

/**
 * Apollo Server's context for one gateway request: the caller's identity from the bearer token
 * (401 UNAUTHENTICATED otherwise), one take from the token's rate limit (429 RATE_LIMITED with
 * Retry-After otherwise), the correlation id, and what the fast lane already did for the request.
 */
export function gatewayRequestContext(deps: {
  readonly authenticator: Pick<Authenticator, 'authenticate'>;
  readonly limiter: RateLimiter;
}) {
  return async ({ req }: { req: GatewayRequest }): Promise<GatewayContext> => {
    let identity: Identity;
    try {
      const authorization = req.headers.authorization;
      identity = await deps.authenticator.authenticate(authorization);
    } catch (error) {
      const message = error instanceof UnauthenticatedError ? error.message : 'authentication failed';
      throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    // The fast lane may have counted this request already (and executed it: LANE_RESULT).
    if (!(req[RATE_DECISION] ?? deps.limiter.take(identity.subject, Date.now()))) {
      const retryAfter = deps.limiter.retryAfterSeconds(identity.subject);
      throw new GraphQLError(`rate limit exceeded; retry in ${retryAfter} s`, {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: retryAfter,
          http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
        },
      });
    }
    // The id pino-http gave the request (the caller's x-correlation-id when well-formed).
    return {
      identity,
      correlationId: typeof req.id === 'string' ? req.id : correlationIdOf(req),
      laneResult: req[LANE_RESULT],
    };
  };
}
