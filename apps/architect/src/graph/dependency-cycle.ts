import { DomainError, NotFoundError, ValidationError } from '@app/domain';
import type { GraphComponent, GraphDependency } from './dependency-graph';
import { adjacency } from './dependency-graph';

/**
 * If adding `fromId → toId` to `deps` would close a cycle, the cycle as the ids along it, in
 * order, starting and ending at `fromId`: adding A→B while B→C→A exists gives [A, B, C, A]; a
 * self-dependency A→A gives [A, A]. Otherwise null.
 *
 * The path from `toId` back to `fromId` is a shortest one (breadth-first, neighbours visited in
 * id order), so the answer is deterministic and does not depend on the order of `deps`.
 */
export function findCycleIfAdded(
  deps: readonly GraphDependency[],
  fromId: string,
  toId: string,
): string[] | null {
  if (fromId === toId) return [fromId, fromId];
  const edges = adjacency(deps);
  const previous = new Map<string, string | null>([[toId, null]]);
  let frontier = [toId];
  while (frontier.length > 0 && !previous.has(fromId)) {
    const next: string[] = [];
    for (const id of frontier)
      for (const target of edges.get(id) ?? []) {
        if (previous.has(target)) continue;
        previous.set(target, id);
        next.push(target);
      }
    frontier = next;
  }
  if (!previous.has(fromId)) return null;
  const back: string[] = [];
  for (let id: string | null = fromId; id !== null; id = previous.get(id) ?? null) back.push(id);
  // back runs fromId … toId against the edges; the cycle runs fromId → toId → … → fromId.
  return [fromId, ...back.reverse()];
}

/**
 * A cycle already in `deps` (the ids along it, as `findCycleIfAdded` gives them), or null. Adding
 * a dependency refuses every cycle, so this is the graph's own check of that invariant — the same
 * rule, asked of each edge against the others.
 */
export function findCycle(deps: readonly GraphDependency[]): string[] | null {
  // The usual answer, in linear time: a graph whose nodes all sort topologically has no cycle.
  if (isAcyclic(deps)) return null;
  for (let i = 0; i < deps.length; i += 1) {
    const others = deps.filter((_, j) => j !== i);
    const cycle = findCycleIfAdded(others, deps[i].fromId, deps[i].toId);
    if (cycle) return cycle;
  }
  return null;
}

/** Kahn's algorithm: every node can be taken once nothing it depends on remains. */
function isAcyclic(deps: readonly GraphDependency[]): boolean {
  const edges = adjacency(deps);
  const waiting = new Map<string, number>();
  for (const [fromId, targets] of edges) {
    waiting.set(fromId, waiting.get(fromId) ?? 0);
    for (const toId of targets) waiting.set(toId, (waiting.get(toId) ?? 0) + 1);
  }
  const free = [...waiting].filter(([, n]) => n === 0).map(([id]) => id);
  let taken = 0;
  for (let id = free.pop(); id !== undefined; id = free.pop()) {
    taken += 1;
    for (const target of edges.get(id) ?? []) {
      const left = waiting.get(target)! - 1;
      waiting.set(target, left);
      if (left === 0) free.push(target);
    }
  }
  return taken === waiting.size;
}

/**
 * Checks that `fromId` may start depending on `toId`, in this order:
 *
 * 1. both components exist: otherwise NotFoundError('component', id), `fromId` checked first;
 * 2. not a self-dependency: ValidationError on field `toId`;
 * 3. not already there: ValidationError on field `toId`;
 * 4. no cycle of any length: DomainError('DEPENDENCY_CYCLE') whose `cycle` detail (GraphQL
 *    `extensions.cycle`) lists the component names along the cycle, in order, starting and ending
 *    with the name of `fromId`.
 *
 * Whether the two components belong to the same project is the caller's check.
 */
export function validateNewDependency(
  components: readonly GraphComponent[],
  deps: readonly GraphDependency[],
  fromId: string,
  toId: string,
): void {
  const byId = new Map(components.map((c) => [c.id, c]));
  const from = byId.get(fromId);
  if (!from) throw new NotFoundError('component', fromId);
  const to = byId.get(toId);
  if (!to) throw new NotFoundError('component', toId);
  if (fromId === toId)
    throw new ValidationError(`${from.name} cannot depend on itself`, [
      { field: 'toId', message: 'a component cannot depend on itself' },
    ]);
  if (deps.some((d) => d.fromId === fromId && d.toId === toId))
    throw new ValidationError(`${from.name} already depends on ${to.name}`, [
      { field: 'toId', message: 'the dependency already exists' },
    ]);
  const cycle = findCycleIfAdded(deps, fromId, toId);
  if (cycle) {
    const names = cycle.map((id) => byId.get(id)?.name ?? id);
    throw new DomainError(
      'DEPENDENCY_CYCLE',
      `${from.name} cannot depend on ${to.name}: that would close the cycle ${names.join(' → ')}`,
      { cycle: names },
    );
  }
}
