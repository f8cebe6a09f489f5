import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { SingleFetchRoute } from './single-fetch-route';

export type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];
export type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
export type GatewayRequestContext = Parameters<Executor>[0];

const MAX_ROUTES = 2_000;

/** A routable operation as Apollo parsed and validated it against the API schema. */
export interface LearnedOperation {
  readonly route: SingleFetchRoute;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly schema: GraphQLSchema;
}

type Learnable = Pick<
  GatewayRequestContext,
  'queryHash' | 'operationName' | 'source' | 'document' | 'operation' | 'schema'
> & { readonly request: { readonly operationName?: string } };

/**
 * What the planner taught us: by query hash and operation name, whether an operation is one plain
 * root fetch (null: it is not); and, for those that are, the operation by its text as sent, for
 * the HTTP fast lane. Bounded; emptied when the supergraph changes.
 */
export class SingleFetchRoutes {
  private readonly byHash = new Map<string, SingleFetchRoute | null>();
  private readonly byText = new Map<string, LearnedOperation>();

  static keyOf(requestContext: Pick<GatewayRequestContext, 'queryHash' | 'operationName'>): string {
    return `${requestContext.queryHash}\u0000${requestContext.operationName ?? ''}`;
  }

  private static textKey(query: string, operationName: string | null | undefined): string {
    return `${operationName ?? ''}\u0000${query}`;
  }

  get(key: string): SingleFetchRoute | null | undefined {
    return this.byHash.get(key);
  }

  /** The routable operation sent as this text and operation name, if learned. */
  forRequest(query: string, operationName: string | null | undefined): LearnedOperation | undefined {
    return this.byText.get(SingleFetchRoutes.textKey(query, operationName));
  }

  learn(requestContext: Learnable, route: SingleFetchRoute | null): void {
    const key = SingleFetchRoutes.keyOf(requestContext);
    if (this.byHash.has(key)) return;
    bounded(this.byHash).set(key, route);
    if (!route) return;
    const { document, operation, schema } = requestContext;
    bounded(this.byText).set(
      SingleFetchRoutes.textKey(requestContext.source, requestContext.request.operationName),
      {
        route,
        document,
        operation,
        schema,
      },
    );
  }

  /** A new supergraph means new plans. */
  clear(): void {
    this.byHash.clear();
    this.byText.clear();
  }

  get size(): number {
    return this.byHash.size;
  }
}

function bounded<V>(map: Map<string, V>): Map<string, V> {
  if (map.size >= MAX_ROUTES) map.delete(map.keys().next().value as string);
  return map;
}
