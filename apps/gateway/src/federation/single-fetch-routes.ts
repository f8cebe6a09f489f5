import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { SingleFetchRoute } from './single-fetch-route';

export type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];
export type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
export type GatewayRequestContext = Parameters<Executor>[0];
export type ExecutionResult = Awaited<ReturnType<Executor>>;

const MAX_ROUTES = 2_000;

/** A routable operation as Apollo parsed and validated it against the API schema. */
export interface LearnedOperation {
  readonly route: SingleFetchRoute;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly schema: GraphQLSchema;
}

type Learnable = Pick<GatewayRequestContext, 'source' | 'document' | 'operation' | 'schema'> & {
  readonly request: { readonly operationName?: string };
};

/**
 * What the planner taught us, by the operation's text and operation name as sent: the routable
 * operation when it is one plain root fetch, null when it is not. Bounded; emptied when the
 * supergraph changes.
 */
export class SingleFetchRoutes {
  private readonly operations = new Map<string, LearnedOperation | null>();

  private static keyOf(query: string, operationName: string | null | undefined): string {
    return `${operationName ?? ''}\u0000${query}`;
  }

  /** The learned operation; null when it is known not to be routable; undefined when not seen yet. */
  lookup(query: string, operationName: string | null | undefined): LearnedOperation | null | undefined {
    return this.operations.get(SingleFetchRoutes.keyOf(query, operationName));
  }

  /** Records what `route` says of this operation, computing it only the first time it is seen. */
  learn(requestContext: Learnable, route: () => SingleFetchRoute | null): void {
    const key = SingleFetchRoutes.keyOf(requestContext.source, requestContext.request.operationName);
    if (this.operations.has(key)) return;
    if (this.operations.size >= MAX_ROUTES)
      this.operations.delete(this.operations.keys().next().value as string);
    const learned = route();
    const { document, operation, schema } = requestContext;
    this.operations.set(key, learned ? { route: learned, document, operation, schema } : null);
  }

  /** A new supergraph means new plans. */
  clear(): void {
    this.operations.clear();
  }

  get size(): number {
    return this.operations.size;
  }
}
