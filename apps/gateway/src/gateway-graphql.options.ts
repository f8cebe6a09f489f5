import { IntrospectAndCompose } from '@apollo/gateway';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import type { DataSource } from 'typeorm';
import type { PostgresEventStore, Projection, ServiceConfig } from '@app/platform';
import { kafkaClient, unstorableInputPlugin } from '@app/platform';
import { formatClientError } from './federation/client-errors';
import { unavailableStatusPlugin } from './federation/subgraph-unavailable';
import type { Authenticator } from './auth/authenticator';
import { gatewayRequestContext } from './federation/gateway-request-context';
import { IdentitySigner } from './federation/identity-signer';
import { SignedSubgraphSource, SYSTEM_IDENTITY } from './federation/signed-subgraph-source';
import { SINGLE_FETCH_PATH } from './federation/single-fetch-gateway.driver';
import { singleFetchRoute } from './federation/single-fetch-route';
import type { SingleFetchRoutes } from './federation/single-fetch-routes';
import type { SubgraphSource } from './federation/subgraph-source';
import { LocalSubgraphSource } from './federation/subgraph-source';
import type { GatewayConfig } from './gateway-config';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
import type { RateLimiter } from './limits/rate-limiter';
import { writeRatePlugin } from './limits/write-rate.plugin';
import { gatewaySubgraphSchema } from './local/gateway-subgraph';
import { readModels } from './read-models';

const LOCAL_SUBGRAPH = 'gateway';

export interface GatewayGraphqlDeps {
  readonly config: ServiceConfig;
  readonly gateway: GatewayConfig;
  readonly limiter: RateLimiter;
  readonly routes: SingleFetchRoutes;
  /** Filled with each subgraph's data source as the gateway builds it (the fast lane calls them). */
  readonly sources: Map<string, SubgraphSource>;
  readonly authenticator: Authenticator;
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
}

/**
 * Apollo Server and Apollo Gateway as the gateway runs them: the limits, the caller's context,
 * the composition of every subgraph (with the gateway's own, in process), signed identities on
 * every subgraph call, and single-fetch routes learned from the planner.
 */
export function gatewayGraphqlOptions(deps: GatewayGraphqlDeps): Omit<ApolloGatewayDriverConfig, 'driver'> {
  const { config, gateway, limiter, routes, sources, authenticator, dataSource, store } = deps;
  const projections: Projection[] = readModels({ config, dataSource, store });
  const local = new LocalSubgraphSource(
    gatewaySubgraphSchema({
      dataSource,
      authenticator,
      readModels: projections,
      replaySource: () =>
        config.kafkaBrokers
          ? {
              kind: 'kafka',
              kafka: kafkaClient(config.kafkaBrokers, 'codemyspec-gateway-replay'),
              topicNamespace: config.kafkaTopicNamespace,
            }
          : { kind: 'event-store' },
    }),
  );
  const signer = new IdentitySigner(config.internalSecret);
  const server: ApolloGatewayDriverConfig['server'] = {
    path: '/graphql',
    introspection: config.introspection,
    // Without introspection, "Did you mean …" hints would name fields one by one.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    graphiql: false,
    csrfPrevention: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatClientError,
    // The status of a response with data is the gateway's to decide (503 for UNAVAILABLE), not
    // reset to 200 by @nestjs/apollo.
    preserveHttpStatusForExecutionErrors: false,
    // Tokens are counted while parsing: a document over the limit costs no more than the limit
    // to refuse (QUERY_TOO_COMPLEX, limit "tokens"), before anything validates it.
    parseOptions: { maxTokens: config.maxTokens },
    plugins: [
      queryLimitsPlugin(gateway.queryLimits),
      unstorableInputPlugin(),
      writeRatePlugin(limiter),
      unavailableStatusPlugin(),
    ],
    context: gatewayRequestContext({ authenticator, limiter, maxDocumentLength: config.maxDocumentLength }),
  };
  return {
    // The single-fetch driver finds the learned routes and the subgraph sources here.
    server: Object.assign(server ?? {}, { [SINGLE_FETCH_PATH]: { routes, sources } }),
    gateway: {
      supergraphSdl: new IntrospectAndCompose({
        subgraphs: [...gateway.subgraphs, { name: LOCAL_SUBGRAPH, url: `local://${LOCAL_SUBGRAPH}` }],
        introspectionHeaders: () => ({
          'x-codemyspec-identity': signer.sign(SYSTEM_IDENTITY),
        }),
      }),
      buildService: ({ name, url }) => {
        const source =
          name === LOCAL_SUBGRAPH
            ? local
            : new SignedSubgraphSource(url ?? '', signer, gateway.subgraphTimeoutMs);
        sources.set(name, source);
        return source;
      },
      // Operations planned as one plain root fetch skip Apollo's executor from then on.
      experimental_didResolveQueryPlan: ({ queryPlan, requestContext, operationContext }) =>
        routes.learn(requestContext, () =>
          singleFetchRoute(queryPlan, operationContext.operation, operationContext.schema),
        ),
    },
  };
}
