import type { GraphComponent, GraphDependency } from './dependency-graph';
import { adjacency, compareComponents, distancesFrom } from './dependency-graph';

/**
 * The components in layers, as ids:
 *
 * - layer 0 holds the entry points, the components with stories (storyCount > 0);
 * - layer k holds the components whose SHORTEST dependency path from any entry point has k edges
 *   (breadth-first search along `fromId → toId`). A component reached at several depths appears
 *   once, in the lowest layer, so the layers partition the reached components and a dependency
 *   may point "up" to a lower layer;
 * - components that no entry point reaches are in no layer.
 *
 * Dependencies whose ends are not among `components` are ignored. Each layer is sorted by name,
 * then id. No entry points gives [].
 */
export function architectureLayers(
  components: readonly GraphComponent[],
  deps: readonly GraphDependency[],
): string[][] {
  const known = new Set(components.map((c) => c.id));
  const entryPoints = components.filter((c) => c.storyCount > 0).map((c) => c.id);
  const distance = distancesFrom(entryPoints, adjacency(deps, known));
  const layers: GraphComponent[][] = [];
  for (const component of components) {
    const depth = distance.get(component.id);
    if (depth === undefined) continue;
    while (layers.length <= depth) layers.push([]);
    layers[depth].push(component);
  }
  return layers.map((layer) => layer.sort(compareComponents).map((c) => c.id));
}
