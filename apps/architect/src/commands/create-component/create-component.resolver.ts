import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { CreateComponentHandler } from './create-component.handler';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component, ContextType } from '../../graphql/component.model';
import { CreateContextInput, CreateComponentInput } from './create-component.input';

/** `createContext` and `createComponent`: one CreateComponent command, the component out. */
@Resolver(() => Component)
export class CreateComponentResolver {
  constructor(
    private readonly handler: CreateComponentHandler,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async createContext(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: CreateContextInput,
  ): Promise<ComponentView> {
    const { componentId } = await this.handler.create(context, {
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
    const { componentId } = await this.handler.create(context, {
      projectId: input.projectId,
      parentId: input.parentId,
      name: input.name,
      kind: input.type,
      description: input.description,
    });
    return this.queries.component(context, componentId);
  }
}
