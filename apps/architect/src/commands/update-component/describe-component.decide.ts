import { ValidationError } from '@app/domain';
import { component } from '../../architecture/architecture.lookup';
import type { DescribeComponent } from '../architecture.commands';
import type { ArchitectureEvent } from '../../architecture/architecture.events';
import type { ArchitectureState } from '../../architecture/architecture.state';

export function decideDescribeComponent(
  command: DescribeComponent,
  state: ArchitectureState,
): ArchitectureEvent[] {
  const target = component(state, command.componentId);
  if (command.description.length > 10_000)
    throw new ValidationError('description is too long', [
      { field: 'description', message: 'at most 10000 characters' },
    ]);
  if (command.description === target.description) return [];
  return [
    {
      type: 'ComponentDescribed',
      data: { componentId: target.id, description: command.description, at: command.at },
    },
  ];
}
