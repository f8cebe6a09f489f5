import type { IncomingMessage } from 'node:http';
import type { GraphQLDataSource } from '@apollo/gateway';
import { IntrospectAndCompose, LocalGraphQLDataSource } from '@apollo/gateway';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import type { DynamicModule, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import type { Identity, Projection, ServiceConfig } from '@app/domain';
import {
  dataSourceExecutor,
  EventSourcingModule,
  formatGraphqlError,
  HealthModule,
  correlationIdOf,
  serviceLoggingModule,
  kafkaClient,
  PostgresEventStore,
  serviceDatabaseModule,
  UnauthenticatedError,
} from '@app/domain';
import { bootstrapAdminToken } from './auth/admin-token.bootstrap';
import { Authenticator } from './auth/authenticator';
import type { GatewayContext } from './federation/gateway-context';
import { IdentitySigner } from './federation/identity-signer';
import { SignedSubgraphSource, SYSTEM_IDENTITY } from './federation/signed-subgraph-source';
import { SingleFetchRoutes } from './federation/single-fetch-gateway';
import { SINGLE_FETCH_PATH, SingleFetchGatewayDriver } from './federation/single-fetch-gateway.driver';
import { singleFetchRoute } from './federation/single-fetch-route';
import type { GatewayConfig } from './gateway-config';
import { RateLimiter } from './limits/rate-limiter';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
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

interface IncomingRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Set by pino-http: the request's correlation id. */
  readonly id?: string;
}

function header(req: IncomingRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The one public endpoint: an Apollo Federation 2 gateway over the stories, architect (and
 * sessions) subgraphs plus its own in-process subgraph (tokens, timeline, replay checks). It
 * authenticates every request, rate-limits per token, limits depth and cost, and forwards the
 * identity to the subgraphs signed with the shared secret.
 */
@Module({})
export class GatewayModule {
  static register(config: ServiceConfig, gateway: GatewayConfig): DynamicModule {
    const limiter = new RateLimiter(gateway.ratePerSecond, gateway.rateBurst);
    return {
      module: GatewayModule,
      imports: [
        serviceLoggingModule(config),
        HealthModule,
        serviceDatabaseModule({ config, migrations: gatewayMigrations }),
        EventSourcingModule.forService(config, readModels),
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: SingleFetchGatewayDriver,
          imports: [GatewayServicesModule.register(gateway)],
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
            const sources = new Map<string, GraphQLDataSource>();
            const routes = new SingleFetchRoutes();
            return {
              server: {
                [SINGLE_FETCH_PATH]: { routes, sources },
                path: '/graphql',
                introspection: config.introspection,
                graphiql: false,
                csrfPrevention: false,
                allowBatchedHttpRequests: false,
                includeStacktraceInErrorResponses: false,
                formatError: formatGraphqlError,
                plugins: [queryLimitsPlugin({ maxDepth: gateway.maxDepth, maxCost: gateway.maxCost })],
                context: async ({ req }: { req: IncomingRequest }): Promise<GatewayContext> => {
                  let identity: Identity;
                  try {
                    identity = await authenticator.authenticate(header(req, 'authorization'));
                  } catch (error) {
                    const message =
                      error instanceof UnauthenticatedError ? error.message : 'authentication failed';
                    throw new GraphQLError(message, {
                      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
                    });
                  }
                  if (!limiter.take(identity.subject, Date.now())) {
                    const retryAfter = limiter.retryAfterSeconds(identity.subject);
                    throw new GraphQLError(`rate limit exceeded; retry in ${retryAfter} s`, {
                      extensions: {
                        code: 'RATE_LIMITED',
                        retryAfterSeconds: retryAfter,
                        http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
                      },
                    });
                  }
                  // The id pino-http gave the request (the caller's x-correlation-id when well-formed).
                  return { identity, correlationId: req.id ?? correlationIdOf(req as IncomingMessage) };
                },
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
                  routes.learn(
                    SingleFetchRoutes.keyOf(requestContext),
                    singleFetchRoute(queryPlan, operationContext.operation, operationContext.schema),
                  ),
              },
            };
          },
        }),
      ],
      providers: [{ provide: GATEWAY_CONFIG, useValue: gateway }, AdminTokenBootstrap],
    };
  }
}

@Module({})
class GatewayServicesModule {
  static register(gateway: GatewayConfig): DynamicModule {
    return {
      module: GatewayServicesModule,
      providers: [Authenticator, { provide: GATEWAY_CONFIG, useValue: gateway }],
      exports: [Authenticator],
    };
  }
}
