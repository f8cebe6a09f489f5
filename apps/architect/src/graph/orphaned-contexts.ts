import type { GraphComponent, GraphDependency } from './dependency-graph';
import { descendantsOf, isContext, reachedFromStories, sortComponents } from './dependency-graph';

/**
 * The ids of the orphaned contexts, sorted by name then id. A context (kind `context` or
 * `coordination_context`) is orphaned when no story reaches it:
 *
 * - it has no stories of its own, and
 * - it is not reached through dependencies from any story-linked component, and
 * - none of its descendants (children, their children, …) has stories or is reached that way.
 */
export function orphanedContexts(
  components: readonly GraphComponent[],
  deps: readonly GraphDependency[],
): string[] {
  const reached = reachedFromStories(components, deps);
  const descendants = descendantsOf(components);
  return sortComponents(components.filter(isContext))
    .filter((context) => !reached.has(context.id))
    .filter((context) => !(descendants.get(context.id) ?? []).some((id) => reached.has(id)))
    .map((context) => context.id);
}
