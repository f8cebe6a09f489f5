import { randomUUID } from 'node:crypto';
import type { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloFederationDriver } from '@nestjs/apollo';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { UnauthenticatedError } from '@app/domain';
import { IDENTITY_HEADER, verifyIdentity } from '../auth/identity-signature';
import type { ServiceConfig } from '../config/service-config';
import { SUBGRAPH_TOKEN_FACTOR } from '../config/service-config';
import { DomainErrorFilter } from './domain-error.filter';
import { formatGraphqlError } from './graphql-errors';
import { unstorableInputPlugin } from './unstorable-input.plugin';
import type { RequestContext } from './request-context';

interface IncomingRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Set by pino-http: the request's correlation id. */
  readonly id?: string;
}

function header(request: IncomingRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A code-first Apollo Federation 2 subgraph at `/graphql`. Every request must carry an identity
 * signed by the gateway; without one (or with a forged one) it is refused with UNAUTHENTICATED, so
 * reaching the subgraph's port directly is not a way in.
 */
export function subgraphGraphqlModule(config: ServiceConfig): DynamicModule {
  const graphql = GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    introspection: config.introspection,
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    // Counted while parsing: a document over the limit is refused as soon as the limit is passed.
    parseOptions: { maxTokens: config.maxTokens * SUBGRAPH_TOKEN_FACTOR },
    plugins: [unstorableInputPlugin()],
    context: ({ req }: { req: IncomingRequest }): RequestContext => {
      try {
        const identity = verifyIdentity(header(req, IDENTITY_HEADER), config.internalSecret);
        return { identity, correlationId: req.id ?? header(req, 'x-correlation-id') ?? randomUUID() };
      } catch (error) {
        const message = error instanceof UnauthenticatedError ? error.message : 'invalid identity';
        throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
    },
  });
  return {
    ...graphql,
    providers: [...(graphql.providers ?? []), { provide: APP_FILTER, useClass: DomainErrorFilter }],
  };
}
