import type { ComponentKind } from '../../component/component-kind';
import type { GraphComponent, GraphDependency } from '../dependency-graph';

/** A component for tests: the id doubles as the name unless given. */
export function component(
  id: string,
  overrides: Partial<Omit<GraphComponent, 'id'>> & { kind?: ComponentKind } = {},
): GraphComponent {
  return { id, name: id, parentId: null, kind: 'module', storyCount: 0, ...overrides };
}

/** Dependencies from `'A>B'` strings. */
export function edges(...pairs: string[]): GraphDependency[] {
  return pairs.map((pair) => {
    const [fromId, toId] = pair.split('>');
    return { fromId, toId };
  });
}
