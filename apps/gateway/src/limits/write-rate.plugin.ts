import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { Identity } from '@app/domain';
import { rateLimitedError } from './rate-limited.error';
import type { RateLimiter } from './rate-limiter';
import { rootFieldCount } from './root-fields';

/**
 * Every root field of a mutation is a write and counts against the token's rate limit: the
 * request itself took one already, so 200 aliased `createStory`s take 199 more, all or none,
 * before anything runs.
 */
export function writeRatePlugin(limiter: RateLimiter): ApolloServerPlugin<{ readonly identity: Identity }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          const writes = rootFieldCount(document, operation);
          if (writes <= 1) return;
          const subject = contextValue.identity.subject;
          if (!limiter.take(subject, Date.now(), writes - 1))
            throw rateLimitedError(
              `rate limit exceeded: this mutation makes ${writes} writes`,
              limiter.retryAfterSeconds(subject, writes - 1),
            );
        },
      };
    },
  };
}
