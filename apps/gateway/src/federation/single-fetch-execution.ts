import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { SingleFetchRoute } from './single-fetch-route';
import type { Executor, GatewayRequestContext } from './single-fetch-routes';

export type ExecutionResult = Awaited<ReturnType<Executor>>;

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION (the enum is not exported by @apollo/gateway). */
const INCOMING_OPERATION = 'incoming operation' as Extract<
  GraphQLDataSourceProcessOptions,
  { incomingRequestContext: unknown }
>['kind'];

/**
 * Runs a single-fetch route: the caller's variables that the subgraph operation uses, one call,
 * and the subgraph's answer as the result; its errors as Apollo Gateway reports downstream
 * errors; a failed call as an error with every root field null. Variables must be valid already.
 */
export async function executeSingleFetch(
  route: SingleFetchRoute,
  source: GraphQLDataSource,
  provided: Readonly<Record<string, unknown>>,
  requestContext: GatewayRequestContext,
): Promise<ExecutionResult> {
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
