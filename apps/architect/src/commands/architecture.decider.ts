import type { Decider } from '@app/domain';
import { assertNever } from '@app/domain';
import { decideCreateComponent } from './create-component/create-component.decide';
import { decideMapStoryToComponent } from './map-story-to-component/map-story-to-component.decide';
import { decideUnmapStoryFromComponent } from './unmap-story-from-component/unmap-story-from-component.decide';
import { decideAddDependency } from './add-dependency/add-dependency.decide';
import { decideRemoveDependency } from './remove-dependency/remove-dependency.decide';
import { decideRecordComponentDesign } from './record-component-design/record-component-design.decide';
import { decideRecordTestEvidence } from './record-test-evidence/record-test-evidence.decide';
import { decideMarkComponentDirty } from './mark-component-dirty/mark-component-dirty.decide';
import { decideRenameComponent } from './rename-component/rename-component.decide';
import { decideDescribeComponent } from './update-component/describe-component.decide';
import { decideDeleteComponent } from './delete-component/delete-component.decide';
import { decideAcceptDesignAsCurrent } from './accept-design-as-current/accept-design-as-current.decide';
import { decideRecordStoryVerified } from './record-story-verified/record-story-verified.decide';
import type { ArchitectureCommand } from './architecture.commands';
import type { ArchitectureEvent } from '../architecture/architecture.events';
import type { ArchitectureState } from '../architecture/architecture.state';
import { architectureFold } from '../architecture/architecture.stream';

export function decideArchitecture(
  command: ArchitectureCommand,
  state: ArchitectureState,
): readonly ArchitectureEvent[] {
  switch (command.type) {
    case 'CreateComponent':
      return decideCreateComponent(command, state);
    case 'MapStoryToComponent':
      return decideMapStoryToComponent(command, state);
    case 'UnmapStoryFromComponent':
      return decideUnmapStoryFromComponent(command, state);
    case 'AddDependency':
      return decideAddDependency(command, state);
    case 'RemoveDependency':
      return decideRemoveDependency(command, state);
    case 'RecordComponentDesign':
      return decideRecordComponentDesign(command, state);
    case 'RecordTestEvidence':
      return decideRecordTestEvidence(command, state);
    case 'MarkComponentDirty':
      return decideMarkComponentDirty(command, state);
    case 'RenameComponent':
      return decideRenameComponent(command, state);
    case 'DescribeComponent':
      return decideDescribeComponent(command, state);
    case 'DeleteComponent':
      return decideDeleteComponent(command, state);
    case 'AcceptDesignAsCurrent':
      return decideAcceptDesignAsCurrent(command, state);
    case 'RecordStoryVerified':
      return decideRecordStoryVerified(command, state);
    default:
      return assertNever(command, 'architecture command');
  }
}

export const architectureDecider: Decider<ArchitectureCommand, ArchitectureState, ArchitectureEvent> = {
  ...architectureFold,
  decide: decideArchitecture,
};
