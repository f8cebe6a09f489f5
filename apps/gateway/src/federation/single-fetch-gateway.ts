import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { getVariableValues, GraphQLError } from 'graphql';
import type { SingleFetchRoute } from './single-fetch-route';

export type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type RequestContext = Parameters<Executor>[0];
type ExecutionResult = Awaited<ReturnType<Executor>>;

const MAX_ROUTES = 2_000;

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported by @apollo/gateway). */
const INCOMING_OPERATION = 'incoming operation' as Extract<
  GraphQLDataSourceProcessOptions,
  { incomingRequestContext: unknown }
>['kind'];

/** The routes learned so far, by operation (query hash + operation name); null: not routable. */
export class SingleFetchRoutes {
  private readonly routes = new Map<string, SingleFetchRoute | null>();

  static keyOf(requestContext: Pick<RequestContext, 'queryHash' | 'operationName'>): string {
    return `${requestContext.queryHash}\u0000${requestContext.operationName ?? ''}`;
  }

  get(key: string): SingleFetchRoute | null | undefined {
    return this.routes.get(key);
  }

  learn(key: string, route: SingleFetchRoute | null): void {
    if (this.routes.has(key)) return;
    if (this.routes.size >= MAX_ROUTES) this.routes.delete(this.routes.keys().next().value as string);
    this.routes.set(key, route);
  }

  /** A new supergraph means new plans. */
  clear(): void {
    this.routes.clear();
  }

  get size(): number {
    return this.routes.size;
  }
}

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
  sources: ReadonlyMap<string, GraphQLDataSource>,
): Gateway {
  return {
    load: async (options) => {
      const loaded = await gateway.load(options);
      const planned = loaded.executor;
      if (!planned) return loaded;
      return {
        ...loaded,
        executor: (requestContext) => {
          const route = routes.get(SingleFetchRoutes.keyOf(requestContext));
          const source = route ? sources.get(route.serviceName) : undefined;
          return route && source
            ? executeSingleFetch(route, source, requestContext)
            : planned(requestContext);
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

async function executeSingleFetch(
  route: SingleFetchRoute,
  source: GraphQLDataSource,
  requestContext: RequestContext,
): Promise<ExecutionResult> {
  const provided = requestContext.request.variables ?? {};
  const definitions = requestContext.operation.variableDefinitions;
  if (definitions?.length) {
    const { errors } = getVariableValues(requestContext.schema, definitions, provided);
    if (errors) return { errors };
  }
  const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of route.variableUsages)
    if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  try {
    const response = await source.process({
      kind: INCOMING_OPERATION,
      request: { query: route.operation, operationName: route.operationName, variables },
      incomingRequestContext: requestContext,
      context: requestContext.context,
      document: route.document,
      pathInIncomingRequest: [],
    });
    const data = isObject(response.data) ? response.data : route.dataWhenMissing;
    if (!response.errors?.length) return { data };
    return { data, errors: response.errors.map((error) => downstreamError(error, route.serviceName)) };
  } catch (error) {
    const failure =
      error instanceof GraphQLError
        ? error
        : new GraphQLError(error instanceof Error ? error.message : String(error), {
            originalError: error instanceof Error ? error : undefined,
          });
    return { data: route.dataWhenMissing, errors: [failure] };
  }
}

/** A subgraph's error as Apollo Gateway reports it: its code (or DOWNSTREAM_SERVICE_ERROR) and service. */
function downstreamError(error: GraphQLFormattedError, serviceName: string): GraphQLError {
  const extensions: Record<string, unknown> = { ...error.extensions, serviceName };
  extensions.code ??= 'DOWNSTREAM_SERVICE_ERROR';
  return new GraphQLError(error.message || `Error while fetching subquery from service "${serviceName}"`, {
    originalError: error as Error,
    path: error.path,
    extensions,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
