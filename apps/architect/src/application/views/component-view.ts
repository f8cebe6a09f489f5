import type { ArchitectureState, ComponentState } from '../../architecture/architecture.state';
import { codeStatusOf, designStatusOf, testStatusOf } from '../../architecture/architecture.state';
import { moduleNameOf } from '../../component/component-name';
import type { ComponentView } from './architecture.view';
import { perState } from './per-state';

/** For every component, the ids of those that depend on it (in the state's order). */
const dependentsOf = perState((state): ReadonlyMap<string, readonly string[]> => {
  const index = new Map<string, string[]>();
  for (const c of state.components.values())
    for (const target of c.dependsOn) {
      const list = index.get(target) ?? [];
      if (!list.includes(c.id)) list.push(c.id);
      index.set(target, list);
    }
  return index;
});

/** The component as the API shows it. */
export function componentView(state: ArchitectureState, component: ComponentState): ComponentView {
  const dependedOnBy = [...(dependentsOf(state).get(component.id) ?? [])];
  return {
    id: component.id,
    projectId: component.projectId,
    parentId: component.parentId,
    name: component.name,
    type: component.kind,
    description: component.description,
    moduleName: moduleNameFor(state, component),
    designStatus: designStatusOf(component),
    testStatus: testStatusOf(component),
    codeStatus: codeStatusOf(component),
    acceptedDesignVersion: component.acceptedDesignVersion,
    dirtyCauses: component.dirtyCauses,
    createdAt: component.createdAt,
    storyIds: component.storyIds,
    dependsOn: component.dependsOn,
    dependedOnBy,
  };
}

export function sortedComponents(state: ArchitectureState): ComponentState[] {
  return [...state.components.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
  );
}

/** `Shop.Checkout` for Checkout inside the Shop context; contexts have their own name as module name. */
export function moduleNameFor(state: ArchitectureState, component: ComponentState): string | null {
  const parent = component.parentId ? state.components.get(component.parentId) : undefined;
  return moduleNameOf(component.name, parent ? moduleNameOf(parent.name) : null);
}
