import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import { ArchitectureWriter } from '../architecture-writer';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { UpdateComponentInput } from './update-component.input';

/** `updateComponent`: a component's or context's new description. */
@Resolver(() => Component)
export class UpdateComponentResolver {
  constructor(
    private readonly writer: ArchitectureWriter,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async updateComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: UpdateComponentInput,
  ): Promise<ComponentView> {
    await this.writer.onComponent(context, input.id, {
      type: 'DescribeComponent',
      componentId: input.id,
      description: input.description,
    });
    return this.queries.component(context, input.id);
  }
}
