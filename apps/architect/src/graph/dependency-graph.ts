import type { ComponentKind } from '../component/component-kind';
import { isContextKind } from '../component/component-kind';

/** A component of a project as the graph functions see it. */
export interface GraphComponent {
  readonly id: string;
  readonly name: string;
  /** The context (or other component) this component belongs to; null at the top level. */
  readonly parentId: string | null;
  readonly kind: ComponentKind;
  /** How many stories are linked to the component. */
  readonly storyCount: number;
}

/** `fromId` depends on `toId`. */
export interface GraphDependency {
  readonly fromId: string;
  readonly toId: string;
}

/** The display order used everywhere: by name, then by id (so equal names still sort stably). */
export function compareComponents(a: GraphComponent, b: GraphComponent): number {
  return compareStrings(a.name, b.name) || compareStrings(a.id, b.id);
}

/** Plain code-unit order: deterministic and independent of the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortComponents(components: readonly GraphComponent[]): GraphComponent[] {
  return [...components].sort(compareComponents);
}

export function isContext(component: GraphComponent): boolean {
  return isContextKind(component.kind);
}

/**
 * Outgoing edges by component id: distinct targets, sorted by id. Only edges whose two ends are
 * in `known` (when given) are kept.
 */
export function adjacency(
  deps: readonly GraphDependency[],
  known?: ReadonlySet<string>,
): ReadonlyMap<string, readonly string[]> {
  const targets = new Map<string, Set<string>>();
  for (const { fromId, toId } of deps) {
    if (known && (!known.has(fromId) || !known.has(toId))) continue;
    let set = targets.get(fromId);
    if (!set) targets.set(fromId, (set = new Set()));
    set.add(toId);
  }
  return new Map([...targets].map(([from, set]) => [from, [...set].sort(compareStrings)]));
}

/**
 * Breadth-first distances from the `sources` (distance 0) along the dependency edges. A
 * component that no source reaches is absent from the result.
 */
export function distancesFrom(
  sources: Iterable<string>,
  edges: ReadonlyMap<string, readonly string[]>,
): Map<string, number> {
  const distance = new Map<string, number>();
  let frontier: string[] = [];
  for (const source of sources) {
    if (distance.has(source)) continue;
    distance.set(source, 0);
    frontier.push(source);
  }
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const target of edges.get(id) ?? []) {
        if (distance.has(target)) continue;
        distance.set(target, depth);
        next.push(target);
      }
    frontier = next;
  }
  return distance;
}

/**
 * The ids reached from the story-linked components (storyCount > 0) through dependencies,
 * the story-linked components included. Dependencies on unknown ids are ignored.
 */
export function reachedFromStories(
  components: readonly GraphComponent[],
  deps: readonly GraphDependency[],
): Set<string> {
  const known = new Set(components.map((c) => c.id));
  const entryPoints = components.filter((c) => c.storyCount > 0).map((c) => c.id);
  return new Set(distancesFrom(entryPoints, adjacency(deps, known)).keys());
}

/**
 * The descendants of each component through `parentId` (children, their children, …). A
 * parent cycle in bad data cannot loop: each component is visited once per ancestor.
 */
export function descendantsOf(components: readonly GraphComponent[]): ReadonlyMap<string, readonly string[]> {
  const children = new Map<string, string[]>();
  for (const c of components) {
    if (c.parentId === null || c.parentId === c.id) continue;
    const list = children.get(c.parentId) ?? [];
    list.push(c.id);
    children.set(c.parentId, list);
  }
  const result = new Map<string, string[]>();
  for (const c of components) {
    const seen = new Set<string>([c.id]);
    const stack = [...(children.get(c.id) ?? [])];
    const found: string[] = [];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(id);
      stack.push(...(children.get(id) ?? []));
    }
    result.set(c.id, found);
  }
  return result;
}
