import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type * as status from '../architecture/architecture.state';
import type * as cause from '../architecture/dirty-cause';
import type * as views from '../application/views/architecture.view';
import type * as next from '../next-actions/next-action';

export enum DesignStatus {
  MISSING = 'MISSING',
  INVALID = 'INVALID',
  ACCEPTED = 'ACCEPTED',
  DIRTY = 'DIRTY',
}
registerEnumType(DesignStatus, { name: 'DesignStatus' });

export enum TestStatus {
  NONE = 'NONE',
  RED = 'RED',
  GREEN = 'GREEN',
  DIRTY = 'DIRTY',
}
registerEnumType(TestStatus, { name: 'TestStatus' });

export enum CodeStatus {
  NONE = 'NONE',
  GREEN = 'GREEN',
  DIRTY = 'DIRTY',
}
registerEnumType(CodeStatus, { name: 'CodeStatus' });

export enum ContextType {
  DOMAIN = 'DOMAIN',
  COORDINATION = 'COORDINATION',
}
registerEnumType(ContextType, { name: 'ContextType' });

export enum NextActionKind {
  WRITE_DESIGN = 'WRITE_DESIGN',
  FIX_DESIGN = 'FIX_DESIGN',
  WRITE_TESTS = 'WRITE_TESTS',
  WRITE_CODE = 'WRITE_CODE',
  REGENERATE = 'REGENERATE',
}
registerEnumType(NextActionKind, { name: 'NextActionKind' });

/** A story, as the architect knows it (the stories subgraph owns its fields). */
@ObjectType()
@Directive('@key(fields: "id")')
export class Story {
  @Field(() => ID) id!: string;
}

export enum DirtyCauseKind {
  STORY_REVISED = 'STORY_REVISED',
  CRITERION_ADDED = 'CRITERION_ADDED',
  CRITERION_CHANGED = 'CRITERION_CHANGED',
  CRITERION_REMOVED = 'CRITERION_REMOVED',
  DESIGN_CHANGED = 'DESIGN_CHANGED',
  DEPENDENCY_CHANGED = 'DEPENDENCY_CHANGED',
  STORY_LINKED = 'STORY_LINKED',
  STORY_UNLINKED = 'STORY_UNLINKED',
}
registerEnumType(DirtyCauseKind, { name: 'DirtyCauseKind' });

@ObjectType({ description: 'An upstream change that made a component’s work stale.' })
export class DirtyCause implements cause.DirtyCause {
  @Field(() => DirtyCauseKind) kind!: cause.DirtyCauseKind;
  @Field({ description: 'The stream the change happened in, e.g. story-<id>.' }) source!: string;
  @Field(() => Int, { description: 'That stream’s version after the change.' }) version!: number;
  @Field() at!: string;
  @Field() summary!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Component implements views.ComponentView {
  @Field(() => ID) id!: string;
  @Field(() => ID) projectId!: string;
  @Field(() => ID, { nullable: true, description: 'The context the component lives in.' }) parentId!:
    string | null;
  @Field() name!: string;
  @Field({ description: 'context, coordination_context, schema, repository, module, ui, task or other' })
  type!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: 'Dotted PascalCase module name, for modules.' })
  moduleName!: string | null;
  @Field(() => DesignStatus) designStatus!: status.DesignStatus;
  @Field(() => TestStatus) testStatus!: status.TestStatus;
  @Field(() => CodeStatus) codeStatus!: status.CodeStatus;
  @Field(() => Int, { nullable: true }) acceptedDesignVersion!: number | null;
  @Field(() => [DirtyCause], {
    description: 'Why the work is DIRTY: every upstream change since the design was accepted, oldest first.',
  })
  dirtyCauses!: DirtyCause[];
  @Field() createdAt!: string;
  /** Resolved by field resolvers. */
  storyIds!: readonly string[];
  dependsOn!: readonly string[];
  dependedOnBy!: readonly string[];
}

@ObjectType()
export class DependencyEdge implements views.DependencyEdgeView {
  @Field(() => Component) from!: Component;
  @Field(() => Component) to!: Component;
}

@ObjectType()
export class HealthFindingModel implements views.HealthFindingView {
  @Field() rule!: string;
  @Field() severity!: string;
  @Field(() => ID) componentId!: string;
  @Field() message!: string;
}

@ObjectType()
export class ArchitectureHealthModel implements views.ArchitectureHealthView {
  @Field(() => Int) score!: number;
  @Field() level!: string;
  @Field(() => Float) storyCoverage!: number;
  @Field(() => [HealthFindingModel]) findings!: HealthFindingModel[];
}

@ObjectType()
export class Architecture implements views.ArchitectureView {
  @Field(() => ID) projectId!: string;
  @Field(() => [Component]) components!: Component[];
  @Field(() => [DependencyEdge]) dependencies!: DependencyEdge[];
  @Field(() => [[Component]], {
    description:
      'The components stories reach, in layers down the dependencies: layer 0 holds what nothing depends on, and each component sits one layer below the deepest component depending on it, so every dependency points to a later layer.',
  })
  layers!: Component[][];
  @Field(() => [Component]) orphanedContexts!: Component[];
  @Field(() => ArchitectureHealthModel) health!: ArchitectureHealthModel;
  @Field({ description: 'Mermaid flowchart of contexts, components and dependencies.' }) mermaid!: string;
  @Field(() => [String], {
    description:
      'A dependency cycle, as the names along it (empty: the graph is acyclic, as adding a dependency ensures).',
  })
  cycle!: string[];
}

@ObjectType()
export class NextAction implements views.NextActionView {
  @Field(() => Component) component!: Component;
  @Field(() => NextActionKind) action!: next.NextActionKind;
  @Field() reason!: string;
}
