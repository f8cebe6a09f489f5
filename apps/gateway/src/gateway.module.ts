import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import type { DynamicModule, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Module, RequestMethod } from '@nestjs/common';
import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '@app/platform';
import {
  dataSourceExecutor,
  EventSourcingModule,
  HealthModule,
  serviceLoggingModule,
  PostgresEventStore,
  serviceDatabaseModule,
} from '@app/platform';
import { bootstrapAdminToken } from './auth/admin-token.bootstrap';
import { AUTH_FAILURE_LIMIT, Authenticator } from './auth/authenticator';
import type { SingleFetchLaneState } from './federation/single-fetch-lane';
import {
  QUERY_LIMITS,
  SINGLE_FETCH_LANE_STATE,
  SingleFetchLaneMiddleware,
} from './federation/single-fetch-lane.middleware';
import { SingleFetchRoutes } from './federation/single-fetch-routes';
import type { SubgraphSource } from './federation/subgraph-source';
import { SingleFetchGatewayDriver } from './federation/single-fetch-gateway.driver';
import type { GatewayConfig } from './gateway-config';
import { gatewayGraphqlOptions } from './gateway-graphql.options';
import { RateLimiter } from './limits/rate-limiter';
import { gatewayMigrations } from './persistence/gateway.migrations';
import { readModelEntities, readModels } from './read-models';

const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** Creates the admin token once the gateway's tables exist. */
@Injectable()
class AdminTokenBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await bootstrapAdminToken(dataSourceExecutor(this.dataSource), {
      explicit: this.config.adminToken,
      dataDir: this.config.dataDir,
      // A plain line a person reads (not a JSON string): where the token is, or the new token once.
      announce: (message) => process.stdout.write(`${message}\n`),
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
    const sources = new Map<string, SubgraphSource>();
    const services = GatewayServicesModule.register(gateway);
    const lane: SingleFetchLaneState = { routes, sources, limiter };
    return {
      module: GatewayModule,
      imports: [
        serviceLoggingModule(config),
        HealthModule,
        serviceDatabaseModule({ config, migrations: gatewayMigrations, entities: readModelEntities }),
        EventSourcingModule.forService(config, readModels),
        services,
        GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
          driver: SingleFetchGatewayDriver,
          imports: [services],
          inject: [Authenticator, DataSource, PostgresEventStore],
          useFactory: (authenticator: Authenticator, dataSource: DataSource, store: PostgresEventStore) =>
            gatewayGraphqlOptions({
              config,
              gateway,
              limiter,
              routes,
              sources,
              authenticator,
              dataSource,
              store,
            }),
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
