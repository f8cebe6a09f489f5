import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { getVariableValues } from 'graphql';
import type { GatewayContext } from './gateway-context';
import { executeSingleFetch } from './single-fetch-execution';
import type { Gateway, SingleFetchRoutes } from './single-fetch-routes';
import type { SubgraphSource } from './subgraph-source';

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported by @apollo/gateway). */
const INCOMING_OPERATION = 'incoming operation' as Extract<
  GraphQLDataSourceProcessOptions,
  { incomingRequestContext: unknown }
>['kind'];

/**
 * Wraps Apollo Gateway so that an operation whose query plan is one plain root fetch (learned
 * from the gateway's own planner on its first execution) goes straight to that subgraph: the
 * caller's variables are validated against the API schema as the gateway does, the subgraph's
 * answer is the response, and its errors are reported as the gateway reports downstream errors.
 * Everything else, and every operation the first time, runs through Apollo's executor.
 */
export function withSingleFetchPath(
  gateway: Gateway,
  routes: SingleFetchRoutes,
  sources: ReadonlyMap<string, SubgraphSource>,
): Gateway {
  return {
    load: async (options) => {
      const loaded = await gateway.load(options);
      const planned = loaded.executor;
      if (!planned) return loaded;
      return {
        ...loaded,
        executor: async (requestContext) => {
          const laneResult = (requestContext.context as Partial<GatewayContext>).laneResult;
          if (laneResult) return laneResult;
          const route = routes.lookup(requestContext.source, requestContext.request.operationName)?.route;
          const source = route ? sources.get(route.serviceName) : undefined;
          if (!route || !source) return planned(requestContext);
          const provided = requestContext.request.variables ?? {};
          const definitions = requestContext.operation.variableDefinitions;
          if (definitions?.length) {
            const { errors } = getVariableValues(requestContext.schema, definitions, provided);
            if (errors) return { errors };
          }
          return executeSingleFetch(
            route,
            (request) =>
              source.process({
                kind: INCOMING_OPERATION,
                request,
                incomingRequestContext: requestContext,
                context: requestContext.context,
                document: route.document,
                pathInIncomingRequest: [],
              }),
            provided,
          );
        },
      };
    },
    onSchemaLoadOrUpdate: (callback) =>
      gateway.onSchemaLoadOrUpdate((schema) => {
        routes.clear();
        callback(schema);
      }),
    stop: () => gateway.stop(),
  };
}
