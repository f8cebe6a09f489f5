import type { Decider } from '@app/domain';
import { assertNever, NotFoundError, ValidationError } from '@app/domain';
import { isContextKind } from '../component/component-kind';
import { validateComponentName } from '../component/component-name';
import type { GraphComponent, GraphDependency } from '../graph/dependency-graph';
import { validateNewDependency } from '../graph/dependency-cycle';
import type { ArchitectureCommand } from './architecture.commands';
import type { ArchitectureEvent } from './architecture.events';
import type { ArchitectureState, ComponentState } from './architecture.state';
import { evolveArchitecture, initialArchitectureState } from './architecture.state';

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

function component(state: ArchitectureState, id: string): ComponentState {
  const found = state.components.get(id);
  if (!found) throw new NotFoundError('component', id);
  return found;
}

export function decideArchitecture(
  command: ArchitectureCommand,
  state: ArchitectureState,
): readonly ArchitectureEvent[] {
  switch (command.type) {
    case 'CreateComponent': {
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
    case 'MapStoryToComponent': {
      const target = component(state, command.componentId);
      if (command.storyProjectId !== target.projectId)
        throw new ValidationError('the story belongs to another project', [
          { field: 'storyId', message: 'must belong to the component’s project' },
        ]);
      if (target.storyIds.includes(command.storyId)) return [];
      return [
        {
          type: 'StoryMappedToComponent',
          data: {
            storyId: command.storyId,
            componentId: target.id,
            componentName: target.name,
            at: command.at,
          },
        },
      ];
    }
    case 'UnmapStoryFromComponent': {
      const target = component(state, command.componentId);
      if (!target.storyIds.includes(command.storyId)) return [];
      return [
        {
          type: 'StoryUnmappedFromComponent',
          data: { storyId: command.storyId, componentId: target.id, at: command.at },
        },
      ];
    }
    case 'AddDependency': {
      const { components, dependencies } = graphOf(state);
      validateNewDependency(components, dependencies, command.fromId, command.toId);
      return [
        { type: 'DependencyAdded', data: { fromId: command.fromId, toId: command.toId, at: command.at } },
      ];
    }
    case 'RemoveDependency': {
      const from = component(state, command.fromId);
      component(state, command.toId);
      if (!from.dependsOn.includes(command.toId))
        throw new NotFoundError('dependency', `${command.fromId}->${command.toId}`);
      return [
        { type: 'DependencyRemoved', data: { fromId: command.fromId, toId: command.toId, at: command.at } },
      ];
    }
    case 'RecordComponentDesign':
      component(state, command.componentId);
      return [
        {
          type: 'ComponentDesignRecorded',
          data: {
            componentId: command.componentId,
            designVersion: command.designVersion,
            valid: command.valid,
            at: command.at,
          },
        },
      ];
    case 'RecordTestEvidence': {
      const target = component(state, command.componentId);
      if ((command.evidence === 'red' && target.red) || (command.evidence === 'green' && target.green))
        return [];
      return [
        {
          type: 'ComponentTestEvidenceRecorded',
          data: { componentId: target.id, runId: command.runId, evidence: command.evidence, at: command.at },
        },
      ];
    }
    case 'MarkComponentDirty': {
      const target = component(state, command.componentId);
      // Only a revision after the design was accepted makes the artifacts stale; once dirty, it stays dirty.
      if (!target.storyIds.includes(command.storyId) || target.acceptedAt === null || target.dirty) return [];
      if (Date.parse(command.revisedAt) < Date.parse(target.acceptedAt)) return [];
      return [
        {
          type: 'ComponentMarkedDirty',
          data: {
            componentId: target.id,
            componentName: target.name,
            storyId: command.storyId,
            storyVersion: command.storyVersion,
            reason: `story revised (version ${command.storyVersion}) after design version ${target.acceptedDesignVersion} was accepted`,
            at: command.at,
          },
        },
      ];
    }
    default:
      return assertNever(command, 'architecture command');
  }
}

export const architectureDecider: Decider<ArchitectureCommand, ArchitectureState, ArchitectureEvent> = {
  decide: decideArchitecture,
  evolve: evolveArchitecture,
  initialState: initialArchitectureState,
};
