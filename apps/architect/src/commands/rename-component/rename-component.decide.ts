import { ValidationError } from '@app/domain';
import { validateComponentName } from '../../component/component-name';
import { component } from '../../architecture/architecture.lookup';
import type { RenameComponent } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';

/** A new name under the same rules as a new component's (unique in the project, any case); the same name changes nothing. */
export function decideRenameComponent(
  command: RenameComponent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  const name = validateComponentName(command.name, target.kind);
  if (name === target.name) return [];
  const clash = [...state.components.values()].find(
    (c) => c.id !== target.id && c.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash)
    throw new ValidationError(`a component named "${clash.name}" already exists in this project`, [
      { field: 'name', message: 'must be unique within the project' },
    ]);
  return [
    {
      type: 'ComponentRenamed',
      data: { componentId: target.id, name, previousName: target.name, at: command.at },
    },
  ];
}
