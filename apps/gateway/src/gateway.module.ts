import type { GraphQLDataSource } from '@apollo/gateway';
import { IntrospectAndCompose, LocalGraphQLDataSource } from '@apollo/gateway';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import type { DynamicModule, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger, Module, RequestMethod } from '@nestjs/common';
import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { Projection, ServiceConfig } from '@app/platform';
import {
  dataSourceExecutor,
  EventSourcingModule,
  formatGraphqlError,
  HealthModule,
  serviceLoggingModule,
  kafkaClient,
  PostgresEventStore,
  serviceDatabaseModule,
} from '@app/platform';
import { bootstrapAdminToken } from './auth/admin-token.bootstrap';
import { AUTH_FAILURE_LIMIT, Authenticator } from './auth/authenticator';
import { gatewayRequestContext } from './federation/gateway-request-context';
import { IdentitySigner } from './federation/identity-signer';
import { SignedSubgraphSource, SYSTEM_IDENTITY } from './federation/signed-subgraph-source';
import type { SingleFetchLaneState } from './federation/single-fetch-lane';
import {
  QUERY_LIMITS,
  SINGLE_FETCH_LANE_STATE,
  SingleFetchLaneMiddleware,
} from './federation/single-fetch-lane.middleware';
import { SingleFetchRoutes } from './federation/single-fetch-routes';
import { SINGLE_FETCH_PATH, SingleFetchGatewayDriver } from './federation/single-fetch-gateway.driver';
import { singleFetchRoute } from './federation/single-fetch-route';
import type { GatewayConfig } from './gateway-config';
import { RateLimiter } from './limits/rate-limiter';
import { nulStringsPlugin } from './limits/nul-strings.plugin';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
import { writeRatePlugin } from './limits/write-rate.plugin';
import { gatewaySubgraphSchema } from './local/gateway-subgraph';
import { gatewayMigrations } from './persistence/gateway.migrations';
import { readModels } from './read-models';

const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
const LOCAL_SUBGRAPH = 'gateway';

/** Creates the admin token once the gateway's tables exist. */
@Injectable()
class AdminTokenBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const logger = new Logger('AdminToken');
    await bootstrapAdminToken(dataSourceExecutor(this.dataSource), {
      explicit: this.config.adminToken,
      dataDir: this.config.dataDir,
      announce: (message) => logger.log(message),
    });
  }
}

/**
 * The one public endpoint: an Apollo Federation 2 gateway over the stories, architect (and
 * sessions) subgraphs plus its own in-process subgraph (tokens, timeline, replay checks). It
 * authenticates every request, rate-limits per token, limits depth and cost, and forwards the
 * identity to the subgraphs signed with the shared secret.
 */
@Module({})
export class GatewayModule implements NestModule {
  static register(config: ServiceConfig, gateway: GatewayConfig): DynamicModule {
    const limiter = new RateLimiter(gateway.ratePerSecond, gateway.rateBurst);
    const routes = new SingleFetchRoutes();
    const sources = new Map<string, GraphQLDataSource>();
    const services = GatewayServicesModule.register(gateway);
    const lane: SingleFetchLaneState = { routes, sources, limiter };
    return {
      module: GatewayModule,
      imports: [
        serviceLoggingModule(config),
        HealthModule,
        serviceDatabaseModule({ config, migrations: gatewayMigrations }),
        EventSourcingModule.forService(config, readModels),
        services,
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: SingleFetchGatewayDriver,
          imports: [services],
          inject: [Authenticator, DataSource, PostgresEventStore],
          useFactory: (authenticator: Authenticator, dataSource: DataSource, store: PostgresEventStore) => {
            const projections: Projection[] = readModels({ config, dataSource, store });
            const local = new LocalGraphQLDataSource(
              gatewaySubgraphSchema({
                dataSource,
                authenticator,
                readModels: projections,
                replaySource: () =>
                  config.kafkaBrokers
                    ? { kind: 'kafka', kafka: kafkaClient(config.kafkaBrokers, 'codemyspec-gateway-replay') }
                    : { kind: 'event-store' },
              }),
            );
            const signer = new IdentitySigner(config.internalSecret);
            return {
              server: {
                [SINGLE_FETCH_PATH]: { routes, sources },
                path: '/graphql',
                introspection: config.introspection,
                // Without introspection, "Did you mean …" hints would name fields one by one.
                hideSchemaDetailsFromClientErrors: !config.introspection,
                graphiql: false,
                csrfPrevention: false,
                allowBatchedHttpRequests: false,
                includeStacktraceInErrorResponses: false,
                formatError: formatGraphqlError,
                plugins: [
                  queryLimitsPlugin(gateway.queryLimits),
                  nulStringsPlugin(),
                  writeRatePlugin(limiter),
                ],
                context: gatewayRequestContext({ authenticator, limiter }),
              },
              gateway: {
                supergraphSdl: new IntrospectAndCompose({
                  subgraphs: [
                    ...gateway.subgraphs,
                    { name: LOCAL_SUBGRAPH, url: `local://${LOCAL_SUBGRAPH}` },
                  ],
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
          },
        }),
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: gateway },
        { provide: SINGLE_FETCH_LANE_STATE, useValue: lane },
        { provide: QUERY_LIMITS, useValue: gateway.queryLimits },
        AdminTokenBootstrap,
        SingleFetchLaneMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SingleFetchLaneMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }
}

@Module({})
class GatewayServicesModule {
  static register(gateway: GatewayConfig): DynamicModule {
    return {
      module: GatewayServicesModule,
      providers: [
        Authenticator,
        { provide: GATEWAY_CONFIG, useValue: gateway },
        { provide: AUTH_FAILURE_LIMIT, useValue: gateway.authFailures },
      ],
      exports: [Authenticator],
    };
  }
}
