import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import { ComponentCommandService } from '../../application/component-command.service';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { UpdateComponentInput } from './update-component.input';

/** `updateComponent`: a component's or context's new description. */
@Resolver(() => Component)
export class UpdateComponentResolver {
  constructor(
    private readonly commands: ComponentCommandService,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async updateComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: UpdateComponentInput,
  ): Promise<ComponentView> {
    await this.commands.change(context, {
      type: 'DescribeComponent',
      componentId: input.id,
      description: input.description,
    });
    return this.queries.component(context, input.id);
  }
}
