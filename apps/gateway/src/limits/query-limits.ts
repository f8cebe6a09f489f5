import type { DocumentNode, OperationDefinitionNode, SelectionSetNode, ValueNode } from 'graphql';
import { Kind, visit } from 'graphql';
import { fragmentMemo } from './fragment-memo';

/** What one operation may ask for (GRAPHQL_MAX_* settings). */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  /** Fragment definitions in the document. */
  readonly maxFragments: number;
  /** Aliased fields in the document. */
  readonly maxAliases: number;
  /** Directive uses in the document. */
  readonly maxDirectives: number;
}

export type LimitName = 'depth' | 'cost' | 'fragments' | 'aliases' | 'directives';

/** The first limit an operation exceeds; `value` is at least what it asks for (counting stops early). */
export interface LimitExceeded {
  readonly limit: LimitName;
  readonly value: number;
  readonly max: number;
}

interface Measure {
  readonly depth: number;
  readonly cost: number;
}

const DEFAULT_PAGE = 10;

type ShapeCounts = Record<'fragments' | 'aliases' | 'directives', number>;

/** Counts per parsed document (a repeated query reuses its parse, so it is counted once). */
const shapeCounts = new WeakMap<DocumentNode, ShapeCounts>();

/** Fragments, aliases and directives of the whole document, counted in one pass. */
function countShapes(document: DocumentNode): ShapeCounts {
  const known = shapeCounts.get(document);
  if (known) return known;
  const counts = { fragments: 0, aliases: 0, directives: 0 };
  visit(document, {
    FragmentDefinition: () => void (counts.fragments += 1),
    Field: (node) => void (node.alias ? (counts.aliases += 1) : undefined),
    Directive: () => void (counts.directives += 1),
  });
  shapeCounts.set(document, counts);
  return counts;
}

function pageSize(
  selection: { arguments?: readonly { name: { value: string }; value: ValueNode }[] },
  variables: Record<string, unknown>,
): number {
  let multiplier = 1;
  for (const argument of selection.arguments ?? []) {
    if (argument.name.value !== 'first' && argument.name.value !== 'last') continue;
    const value =
      argument.value.kind === Kind.INT
        ? Number(argument.value.value)
        : argument.value.kind === Kind.VARIABLE
          ? Number(variables[argument.value.name.value] ?? DEFAULT_PAGE)
          : DEFAULT_PAGE;
    multiplier = Math.max(1, Number.isFinite(value) ? value : DEFAULT_PAGE);
  }
  return multiplier;
}

/**
 * Depth and cost of an operation, fragments expanded. Cost counts fields; a field with a `first`
 * (or `last`) argument multiplies the cost of its selection by that page size (10 when it is a
 * variable we cannot see). Each fragment is measured once and its measure reused wherever it is
 * spread, so a document of fragments that each spread the previous one twice is measured in
 * linear time. Cyclic fragments (refused by validation anyway) count as empty. With `stopAbove`,
 * measuring stops as soon as either figure is over it (the result is then only a lower bound).
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  stopAbove: Measure = { depth: Infinity, cost: Infinity },
): Measure {
  // depth: how many field levels the selection adds below the field that holds it.
  const measureSet = (set: SelectionSetNode): Measure => {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const below = selection.selectionSet ? measureSet(selection.selectionSet) : { depth: 0, cost: 0 };
        inner = { depth: 1 + below.depth, cost: 1 + pageSize(selection, variables) * below.cost };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measureSet(selection.selectionSet);
      } else {
        inner = measureFragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      if (depth > stopAbove.depth || cost > stopAbove.cost) break;
    }
    return { depth, cost };
  };

  const measureFragment = fragmentMemo<Measure>(document, { depth: 0, cost: 0 }, (set) => measureSet(set));

  return measureSet(operation.selectionSet);
}

/**
 * The first limit the operation exceeds, or null. The cheap counts come first, so a document
 * that is over them is refused without being measured at all.
 */
export function exceededLimit(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): LimitExceeded | null {
  const counts = countShapes(document);
  if (counts.fragments > limits.maxFragments)
    return { limit: 'fragments', value: counts.fragments, max: limits.maxFragments };
  if (counts.aliases > limits.maxAliases)
    return { limit: 'aliases', value: counts.aliases, max: limits.maxAliases };
  if (counts.directives > limits.maxDirectives)
    return { limit: 'directives', value: counts.directives, max: limits.maxDirectives };
  const { depth, cost } = measureOperation(document, operation, variables, {
    depth: limits.maxDepth,
    cost: limits.maxCost,
  });
  if (depth > limits.maxDepth) return { limit: 'depth', value: depth, max: limits.maxDepth };
  if (cost > limits.maxCost) return { limit: 'cost', value: cost, max: limits.maxCost };
  return null;
}

/** The refusal's words for a person. */
export function limitMessage(exceeded: LimitExceeded): string {
  switch (exceeded.limit) {
    case 'depth':
      return `the query is ${exceeded.value} levels deep; at most ${exceeded.max} are allowed`;
    case 'cost':
      return `the query costs ${exceeded.value}; at most ${exceeded.max} is allowed (ask for fewer items per page)`;
    case 'fragments':
      return `the query defines ${exceeded.value} fragments; at most ${exceeded.max} are allowed`;
    case 'aliases':
      return `the query uses ${exceeded.value} aliases; at most ${exceeded.max} are allowed`;
    case 'directives':
      return `the query uses ${exceeded.value} directives; at most ${exceeded.max} are allowed`;
  }
}
