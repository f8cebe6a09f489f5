import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { Kind } from 'graphql';

export interface QueryMeasure {
  readonly depth: number;
  readonly cost: number;
}

/**
 * Depth and cost of an operation, fragments expanded. Cost counts fields; a field with a `first`
 * (or `last`) argument multiplies the cost of its selection by that page size (10 when it is a
 * variable we cannot see). Cyclic fragments are cut off rather than followed.
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const visit = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>): QueryMeasure => {
    let maxDepth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        let multiplier = 1;
        for (const argument of selection.arguments ?? []) {
          if (argument.name.value !== 'first' && argument.name.value !== 'last') continue;
          const value =
            argument.value.kind === Kind.INT
              ? Number(argument.value.value)
              : argument.value.kind === Kind.VARIABLE
                ? Number(variables[argument.value.name.value] ?? 10)
                : 10;
          multiplier = Math.max(1, Number.isFinite(value) ? value : 10);
        }
        const inner = selection.selectionSet
          ? visit(selection.selectionSet, depth + 1, seen)
          : { depth, cost: 0 };
        // A field at this level is `depth` deep; its selection may go deeper.
        maxDepth = Math.max(maxDepth, depth, inner.depth);
        cost += 1 + multiplier * inner.cost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = visit(selection.selectionSet, depth, seen);
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const inner = visit(fragment.selectionSet, depth, new Set([...seen, name]));
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth: maxDepth, cost };
  };
  return visit(operation.selectionSet, 1, new Set());
}
