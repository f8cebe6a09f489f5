import type { GraphComponent, GraphDependency } from './dependency-graph';
import { adjacency, compareComponents, distancesFrom } from './dependency-graph';

/**
 * The components in layers, as ids, following the dependencies downwards:
 *
 * - the components shown are the reached ones: those with stories (storyCount > 0) and whatever
 *   they depend on, directly or not; a component no story reaches is in no layer;
 * - layer 0 holds the reached components that no other reached component depends on;
 * - a component's layer is one more than the deepest layer of the components that depend on it
 *   (the longest dependency path down to it), so every dependency points to a later layer: in
 *   `Clicks → Store → Slug` they are layers 0, 1 and 2 even when all three have stories.
 *
 * Dependencies whose ends are not among `components` are ignored; a dependency that would close a
 * cycle (refused by addDependency) is ignored too. Each layer is sorted by name, then id. No
 * component with stories gives [].
 */
export function architectureLayers(
  components: readonly GraphComponent[],
  deps: readonly GraphDependency[],
): string[][] {
  const known = new Set(components.map((c) => c.id));
  const entryPoints = components.filter((c) => c.storyCount > 0).map((c) => c.id);
  const edges = adjacency(deps, known);
  const reached = new Set(distancesFrom(entryPoints, edges).keys());
  const layerOf = longestPathLayers(reached, edges);
  const layers: GraphComponent[][] = [];
  for (const component of components) {
    const layer = layerOf.get(component.id);
    if (layer === undefined) continue;
    while (layers.length <= layer) layers.push([]);
    layers[layer].push(component);
  }
  return layers.map((layer) => layer.sort(compareComponents).map((c) => c.id));
}

/**
 * Each node's longest distance from a node with no incoming edge, among `nodes` (Kahn's order:
 * a node is placed once everything depending on it is). Nodes on a cycle, which never become
 * free, are placed one below the deepest of their placed dependents.
 */
function longestPathLayers(
  nodes: ReadonlySet<string>,
  edges: ReadonlyMap<string, readonly string[]>,
): Map<string, number> {
  const incoming = new Map<string, number>([...nodes].map((id) => [id, 0]));
  for (const id of nodes)
    for (const target of edges.get(id) ?? [])
      if (nodes.has(target)) incoming.set(target, incoming.get(target)! + 1);
  const layer = new Map<string, number>();
  const deepestDependent = new Map<string, number>();
  const queue = [...nodes].filter((id) => incoming.get(id) === 0).sort();
  while (layer.size < nodes.size) {
    if (queue.length === 0) {
      // A cycle: place its first unplaced member that something placed depends on (or any).
      const stuck = [...nodes].filter((id) => !layer.has(id)).sort();
      queue.push(stuck.find((id) => deepestDependent.has(id)) ?? stuck[0]);
    }
    const id = queue.shift()!;
    if (layer.has(id)) continue;
    layer.set(id, deepestDependent.has(id) ? deepestDependent.get(id)! + 1 : 0);
    for (const target of edges.get(id) ?? []) {
      if (!nodes.has(target) || layer.has(target)) continue;
      deepestDependent.set(target, Math.max(deepestDependent.get(target) ?? 0, layer.get(id)!));
      const left = incoming.get(target)! - 1;
      incoming.set(target, left);
      if (left === 0) queue.push(target);
    }
  }
  return layer;
}
