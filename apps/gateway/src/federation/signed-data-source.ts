import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Identity } from '@app/domain';
import { IDENTITY_HEADER, signIdentity } from '@app/domain';
import type { GatewayContext } from './gateway-context';
import { keepAliveFetch } from './keep-alive-fetch';

/** The gateway's own identity, for composing the supergraph (subgraphs refuse unsigned requests). */
export const SYSTEM_IDENTITY = {
  subject: 'system',
  role: 'ADMIN',
  projectId: null,
  actor: 'gateway',
} as const;

/**
 * Calls a subgraph with the caller's identity signed in a header (HMAC with the shared secret) and
 * the correlation id; a subgraph that does not answer within the timeout fails the call.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
    timeoutMs: number,
  ) {
    super({ url, fetcher: keepAliveFetch(timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const known = context as Partial<GatewayContext>;
    const identity: Identity = known.identity ?? SYSTEM_IDENTITY;
    request.http?.headers.set(IDENTITY_HEADER, signIdentity(identity, this.secret));
    if (typeof known.correlationId === 'string')
      request.http?.headers.set('x-correlation-id', known.correlationId);
  }
}
