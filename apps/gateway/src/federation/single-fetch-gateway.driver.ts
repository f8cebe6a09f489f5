import { ApolloGatewayDriver } from '@nestjs/apollo';
import type { ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import type { Gateway, SingleFetchRoutes } from './single-fetch-routes';
import type { SubgraphSource } from './subgraph-source';
import { withSingleFetchPath } from './single-fetch-gateway';

/** Set on the `server` options: the routes learned from the planner and the subgraphs' sources. */
export const SINGLE_FETCH_PATH = Symbol('single-fetch path');

export interface SingleFetchPathOptions {
  readonly routes: SingleFetchRoutes;
  readonly sources: ReadonlyMap<string, SubgraphSource>;
}

type ServerOptions = Omit<ApolloGatewayDriverConfig, 'gateway'> & {
  gateway?: Gateway;
  [SINGLE_FETCH_PATH]?: SingleFetchPathOptions;
};

/**
 * Nest's Apollo Gateway driver, with the gateway it builds wrapped by the single-fetch path
 * (`withSingleFetchPath`) just before Apollo Server is created on Express.
 */
@Injectable()
export class SingleFetchGatewayDriver extends ApolloGatewayDriver {
  protected override registerExpress(
    options: ApolloGatewayDriverConfig,
    hooks?: { preStartHook?: () => void },
  ): Promise<void> {
    const { [SINGLE_FETCH_PATH]: singleFetch, ...server } = options as ServerOptions;
    if (!singleFetch || !server.gateway) return super.registerExpress(options, hooks);
    // At this point the options are Apollo Server's, whose `gateway` is the built gateway.
    const gateway = withSingleFetchPath(server.gateway, singleFetch.routes, singleFetch.sources);
    return super.registerExpress({ ...server, gateway } as ApolloGatewayDriverConfig, hooks);
  }
}
