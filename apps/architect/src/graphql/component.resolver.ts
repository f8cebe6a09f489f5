import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../application/architecture-query.service';
import { ComponentCommandService } from '../application/component-command.service';
import { DesignService } from '../application/design.service';
import type { ArchitectureView, ComponentView, NextActionView } from '../application/views/architecture.view';
import type {
  DesignDiffView,
  DesignDocumentView,
  DesignValidationView,
} from '../application/views/design.view';
import { designTemplate, designTypeForKind } from '../design/design-templates';
import type { ComponentKind } from '../component/component-kind';
import {
  AddDependencyInput,
  CreateComponentInput,
  CreateContextInput,
  LinkStoryToComponentInput,
  RemoveDependencyInput,
  SubmitDesignInput,
  UnlinkStoryFromComponentInput,
} from './architect.inputs';
import { Architecture, Component, ContextType, NextAction, Story } from './component.model';
import { DesignDiff, DesignDocument, DesignValidation } from './design.model';

@Resolver(() => Component)
export class ComponentResolver {
  constructor(
    private readonly commands: ComponentCommandService,
    private readonly queries: ArchitectureQueryService,
    private readonly designs: DesignService,
  ) {}

  @Query(() => Architecture)
  architecture(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<ArchitectureView> {
    return this.queries.architecture(context, projectId);
  }

  @Query(() => Component)
  component(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ComponentView> {
    return this.queries.component(context, id);
  }

  @Query(() => [NextAction], { description: 'For each component, its next step and why.' })
  nextActions(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<NextActionView[]> {
    return this.queries.nextActions(context, projectId);
  }

  @Query(() => String, {
    description: 'A template ready to fill in: context, coordination_context, schema or component.',
  })
  designTemplate(@Args('type') type: string): string {
    return designTemplate(type);
  }

  @Query(() => DesignDocument, {
    nullable: true,
    description: 'A version, or the accepted design (newest valid) without one.',
  })
  design(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
  ): Promise<DesignDocumentView | null> {
    return this.designs.design(context, componentId, version ?? undefined);
  }

  @Query(() => [DesignDocument])
  designHistory(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
  ): Promise<DesignDocumentView[]> {
    return this.designs.history(context, componentId);
  }

  @Query(() => DesignDiff)
  designDiff(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
  ): Promise<DesignDiffView> {
    return this.designs.diff(context, componentId, fromVersion, toVersion);
  }

  @Mutation(() => Component)
  async createContext(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: CreateContextInput,
  ): Promise<ComponentView> {
    const { componentId } = await this.commands.createComponent(context, {
      projectId: input.projectId,
      parentId: null,
      name: input.name,
      kind: input.type === ContextType.COORDINATION ? 'coordination_context' : 'context',
      description: input.description,
    });
    return this.queries.component(context, componentId);
  }

  @Mutation(() => Component)
  async createComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: CreateComponentInput,
  ): Promise<ComponentView> {
    const { componentId } = await this.commands.createComponent(context, {
      projectId: input.projectId,
      parentId: input.parentId,
      name: input.name,
      kind: input.type,
      description: input.description,
    });
    return this.queries.component(context, componentId);
  }

  @Mutation(() => Component)
  async linkStoryToComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: LinkStoryToComponentInput,
  ): Promise<ComponentView> {
    await this.commands.linkStory(context, input.storyId, input.componentId);
    return this.queries.component(context, input.componentId);
  }

  @Mutation(() => Component)
  async unlinkStoryFromComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: UnlinkStoryFromComponentInput,
  ): Promise<ComponentView> {
    await this.commands.unlinkStory(context, input.storyId, input.componentId);
    return this.queries.component(context, input.componentId);
  }

  @Mutation(() => Component, {
    description: 'A cycle of any length gets DEPENDENCY_CYCLE with extensions.cycle.',
  })
  async addDependency(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: AddDependencyInput,
  ): Promise<ComponentView> {
    await this.commands.addDependency(context, input.fromId, input.toId);
    return this.queries.component(context, input.fromId);
  }

  @Mutation(() => Component)
  async removeDependency(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: RemoveDependencyInput,
  ): Promise<ComponentView> {
    await this.commands.removeDependency(context, input.fromId, input.toId);
    return this.queries.component(context, input.fromId);
  }

  @Query(() => DesignValidation, {
    description:
      'Checks a draft with the same rules as submitDesign, against the current architecture, without storing it.',
  })
  validateDesign(
    @CurrentRequest() context: RequestContext,
    @Args('componentId', { type: () => ID }) componentId: string,
    @Args('markdown') markdown: string,
  ): Promise<DesignValidationView> {
    return this.designs.validate(context, componentId, markdown);
  }

  @Mutation(() => DesignDocument, { description: 'Stores the version, valid or not, with its errors.' })
  submitDesign(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: SubmitDesignInput,
  ): Promise<DesignDocumentView> {
    return this.designs.submit(context, input.componentId, input.markdown);
  }

  @ResolveField('designTemplate', () => String, {
    description: "The design template for this component's type, titled with its name (or module name).",
  })
  componentDesignTemplate(@Parent() component: ComponentView): string {
    return designTemplate(
      designTypeForKind(component.type as ComponentKind),
      component.moduleName ?? component.name,
    );
  }

  @ResolveField(() => [Story])
  stories(@Parent() component: ComponentView): Story[] {
    return component.storyIds.map((id) => ({ id }));
  }

  @ResolveField(() => [Component])
  dependencies(
    @CurrentRequest() context: RequestContext,
    @Parent() component: ComponentView,
  ): Promise<ComponentView[]> {
    return this.queries.components(context, component.dependsOn);
  }

  @ResolveField(() => [Component])
  dependents(
    @CurrentRequest() context: RequestContext,
    @Parent() component: ComponentView,
  ): Promise<ComponentView[]> {
    return this.queries.components(context, component.dependedOnBy);
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext): Promise<ComponentView | null> {
    const [found] = await this.queries.components(context, [reference.id]);
    return found ?? null;
  }
}

/** Adds `Story.component` to the stories subgraph's Story entity. */
@Resolver(() => Story)
export class StoryComponentResolver {
  constructor(private readonly queries: ArchitectureQueryService) {}

  @ResolveField(() => Component, { nullable: true, description: 'The component the story is mapped onto.' })
  component(
    @CurrentRequest() context: RequestContext,
    @Parent() story: Story,
  ): Promise<ComponentView | null> {
    return this.queries.componentOfStory(context, story.id);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }): Story {
    return { id: reference.id };
  }
}
