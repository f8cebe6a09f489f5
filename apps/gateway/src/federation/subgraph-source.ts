import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { graphql } from 'graphql';
import type { GatewayContext } from './gateway-context';

export type SubgraphRequest = GraphQLDataSourceProcessOptions['request'];
export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * A subgraph as the gateway calls it: through Apollo Gateway (`process`, with Apollo's request
 * context), or straight from the single-fetch lane (`send`, with only the caller's context).
 */
export interface SubgraphSource extends GraphQLDataSource {
  /** The context is the caller's; empty for the gateway's own calls (composing the schema). */
  send(request: SubgraphRequest, context: Partial<GatewayContext>): Promise<SubgraphResponse>;
}

/** An in-process subgraph (the gateway's own): executed against its schema, as Apollo's local source does. */
export class LocalSubgraphSource implements SubgraphSource {
  constructor(private readonly schema: GraphQLSchema) {}

  process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    return this.send(options.request, options.context);
  }

  async send(request: SubgraphRequest, context: Partial<GatewayContext>): Promise<SubgraphResponse> {
    if (!request.query) throw new Error('Missing query');
    return graphql({
      schema: this.schema,
      source: request.query,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: context,
    });
  }
}
