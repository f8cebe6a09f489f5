import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { isNonNullType, Kind, OperationTypeNode, parse, print } from 'graphql';

export type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];
type FetchNode = Extract<NonNullable<QueryPlan['node']>, { kind: 'Fetch' }>;

/**
 * An operation the gateway can answer with one subgraph call whose answer already is the
 * client's response: the query plan is a single root fetch, with no entity inputs and no
 * rewrites, asking the subgraph for exactly the selection the client asked the gateway for.
 */
export interface SingleFetchRoute {
  readonly serviceName: string;
  readonly operation: string;
  readonly operationName: string | undefined;
  readonly document: DocumentNode | undefined;
  readonly variableUsages: readonly string[];
  /** `data` when the subgraph returns none: every root field null, or null when one is non-null. */
  readonly dataWhenMissing: Readonly<Record<string, null>> | null;
}

/** The route for this plan and operation, or null when the plan needs Apollo's executor. */
export function singleFetchRoute(
  plan: QueryPlan,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
): SingleFetchRoute | null {
  const fetch = plan.node;
  if (fetch?.kind !== 'Fetch' || !isPlainRootFetch(fetch)) return null;
  if (operation.operation === OperationTypeNode.SUBSCRIPTION || fetch.operationKind !== operation.operation)
    return null;
  if (operation.directives?.length) return null;
  const sent = (fetch.operationDocumentNode ?? parse(fetch.operation)).definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!sent || print(sent.selectionSet) !== print(operation.selectionSet)) return null;
  const rootType =
    operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
  if (!rootType) return null;
  const fields = rootType.getFields();
  const dataWhenMissing: Record<string, null> = {};
  let anyNonNull = false;
  for (const selection of operation.selectionSet.selections) {
    // Equal selections and a single fetch: only plain root fields reach here (no fragments, no
    // root __typename, which the planner answers itself); anything else is left to Apollo.
    if (selection.kind !== Kind.FIELD) return null;
    const field = fields[selection.name.value];
    if (!field) return null;
    dataWhenMissing[selection.alias?.value ?? selection.name.value] = null;
    anyNonNull ||= isNonNullType(field.type);
  }
  return {
    serviceName: fetch.serviceName,
    operation: fetch.operation,
    operationName: fetch.operationName,
    document: fetch.operationDocumentNode,
    variableUsages: fetch.variableUsages ?? [],
    dataWhenMissing: anyNonNull ? null : dataWhenMissing,
  };
}

function isPlainRootFetch(fetch: FetchNode): boolean {
  return (
    !fetch.requires?.length &&
    !fetch.inputRewrites?.length &&
    !fetch.outputRewrites?.length &&
    !fetch.contextRewrites?.length &&
    !fetch.hasDefers
  );
}
