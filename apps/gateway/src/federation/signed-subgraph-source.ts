import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GraphQLErrorExtensions } from 'graphql';
import type { Identity } from '@app/domain';
import { IDENTITY_HEADER } from '@app/platform';
import type { GatewayContext } from './gateway-context';
import type { IdentitySigner } from './identity-signer';
import type { SubgraphRequest, SubgraphResponse, SubgraphSource } from './subgraph-source';
import type { SubgraphReply } from './subgraph-http';
import { isUnanswered, isUnreached, SubgraphHttp } from './subgraph-http';
import { subgraphUnavailable } from './subgraph-unavailable';

/** The gateway's own identity, for composing the supergraph (subgraphs refuse unsigned requests). */
export const SYSTEM_IDENTITY = {
  subject: 'system',
  role: 'ADMIN',
  projectId: null,
  actor: 'gateway',
} as const;

const JSON_TYPES = ['application/json', 'application/graphql-response+json'];

/**
 * Calls one subgraph with the caller's identity signed in a header (HMAC with the shared secret)
 * and the correlation id. A subgraph that does not answer within the timeout fails the call; a
 * non-2xx answer becomes an error carrying the status and body (401 → UNAUTHENTICATED, 403 →
 * FORBIDDEN), as Apollo's RemoteGraphQLDataSource reports it; a subgraph that cannot be reached
 * (or answers 502–504) is UNAVAILABLE. Subgraph cache-control headers are
 * not consulted (the gateway sets no HTTP caching).
 */
export class SignedSubgraphSource implements SubgraphSource {
  private readonly http: SubgraphHttp;

  constructor(
    url: string,
    private readonly signer: IdentitySigner,
    timeoutMs: number,
  ) {
    this.http = new SubgraphHttp(url, timeoutMs);
  }

  /** Closes the kept-alive connections. */
  close(): Promise<void> {
    return this.http.close();
  }

  process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    return this.send(options.request, options.context);
  }

  async send(request: SubgraphRequest, context: Partial<GatewayContext>): Promise<SubgraphResponse> {
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    for (const [name, value] of request.http?.headers ?? []) headers[name.toLowerCase()] = value;
    const identity: Identity = context.identity ?? SYSTEM_IDENTITY;
    headers[IDENTITY_HEADER] = this.signer.sign(identity);
    if (typeof context.correlationId === 'string') headers['x-correlation-id'] = context.correlationId;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    // The query planner writes each fetch as `query …` or `mutation …`.
    const idempotent = !/^\s*mutation\b/.test(request.query);
    const reply = await this.http.post(headers, body, { idempotent }).catch((error: unknown) => {
      if (!isUnanswered(error)) throw error;
      throw subgraphUnavailable(error, !idempotent && !isUnreached(error));
    });
    if (reply.status === 502 || reply.status === 503 || reply.status === 504)
      throw subgraphUnavailable(new Error(`HTTP ${reply.status} from ${reply.url}`));
    if (reply.status < 200 || reply.status > 299) throw this.errorFromReply(reply);
    const parsed = parseBody(reply);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error(`Expected JSON response body, but received: ${reply.body.slice(0, 200)}`);
    return parsed;
  }

  private errorFromReply(reply: SubgraphReply): GraphQLError {
    let body: unknown;
    try {
      body = parseBody(reply);
    } catch {
      body = reply.body;
    }
    const extensions: GraphQLErrorExtensions = {
      response: { url: reply.url, status: reply.status, statusText: reply.statusText, body },
    };
    if (reply.status === 401) extensions.code = 'UNAUTHENTICATED';
    else if (reply.status === 403) extensions.code = 'FORBIDDEN';
    return new GraphQLError(`${reply.status}: ${reply.statusText}`, { extensions });
  }
}

/** JSON when the subgraph says so (a malformed JSON body is an error), otherwise the text. */
function parseBody(reply: SubgraphReply): unknown {
  return JSON_TYPES.some((type) => reply.contentType.startsWith(type)) ? JSON.parse(reply.body) : reply.body;
}
