import { NotFoundError, ValidationError } from '@app/domain';
import { isContextKind } from '../../component/component-kind';
import { validateComponentName } from '../../component/component-name';
import type { CreateComponent } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';

/** A context, or a component inside a context, with a name unique in the project. */
export function decideCreateComponent(
  command: CreateComponent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  if (state.components.has(command.componentId))
    throw new ValidationError('component already exists', [{ field: 'id', message: 'already exists' }]);
  const name = validateComponentName(command.name, command.kind);
  const clash = [...state.components.values()].find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (clash)
    throw new ValidationError(`a component named "${clash.name}" already exists in this project`, [
      { field: 'name', message: 'must be unique within the project' },
    ]);
  if (command.description.length > 10_000)
    throw new ValidationError('description is too long', [
      { field: 'description', message: 'at most 10000 characters' },
    ]);
  if (isContextKind(command.kind)) {
    if (command.parentId !== null)
      throw new ValidationError('a context cannot live inside another component', [
        { field: 'parentId', message: 'must be empty for a context' },
      ]);
  } else {
    if (command.parentId === null)
      throw new ValidationError('a component lives inside a context', [
        { field: 'parentId', message: 'is required' },
      ]);
    const parent = state.components.get(command.parentId);
    if (!parent) throw new NotFoundError('component', command.parentId);
    if (!isContextKind(parent.kind))
      throw new ValidationError(`${parent.name} is not a context`, [
        { field: 'parentId', message: 'must be a context' },
      ]);
  }
  return [
    {
      type: 'ComponentCreated',
      data: {
        componentId: command.componentId,
        projectId: command.projectId,
        parentId: command.parentId,
        name,
        kind: command.kind,
        description: command.description,
        at: command.at,
      },
    },
  ];
}
