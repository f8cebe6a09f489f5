import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { SingleFetchRoute } from './single-fetch-route';
import type { ExecutionResult } from './single-fetch-routes';
import type { SubgraphRequest, SubgraphResponse } from './subgraph-source';

/** One call to the route's subgraph: through Apollo's data source, or straight from the lane. */
export type SubgraphCall = (request: SubgraphRequest) => Promise<SubgraphResponse>;

/**
 * Runs a single-fetch route: the caller's variables that the subgraph operation uses, one call,
 * and the subgraph's answer as the result; its errors as Apollo Gateway reports downstream
 * errors; a failed call as an error with every root field null. Variables must be valid already.
 */
export async function executeSingleFetch(
  route: SingleFetchRoute,
  call: SubgraphCall,
  provided: Readonly<Record<string, unknown>>,
): Promise<ExecutionResult> {
  const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of route.variableUsages)
    if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  try {
    const response = await call({ query: route.operation, operationName: route.operationName, variables });
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
