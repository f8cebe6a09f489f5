import { Args, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../application/architecture-query.service';
import type { ArchitectureView, ComponentView, NextActionView } from '../application/views/architecture.view';
import { designTemplate, designTypeForKind } from '../design/design-templates';
import type { ComponentKind } from '../component/component-kind';
import { Architecture, Component, NextAction, Story } from './component.model';

/** The architecture read side: the graph, one component (with its fields), next actions. */
@Resolver(() => Component)
export class ComponentResolver {
  constructor(private readonly queries: ArchitectureQueryService) {}

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
