import { NotFoundError } from '@app/domain';
import type { GraphComponent, GraphDependency } from '../graph/dependency-graph';
import type { ArchitectureState, ComponentState } from './architecture.state';

export function graphOf(state: ArchitectureState): {
  components: GraphComponent[];
  dependencies: GraphDependency[];
} {
  const components = [...state.components.values()];
  return {
    components: components.map((c) => ({
      id: c.id,
      name: c.name,
      parentId: c.parentId,
      kind: c.kind,
      storyCount: c.storyIds.length,
    })),
    dependencies: components.flatMap((c) => c.dependsOn.map((toId) => ({ fromId: c.id, toId }))),
  };
}

/** The component, or NOT_FOUND. */
export function component(state: ArchitectureState, id: string): ComponentState {
  const found = state.components.get(id);
  if (!found) throw new NotFoundError('component', id);
  return found;
}
