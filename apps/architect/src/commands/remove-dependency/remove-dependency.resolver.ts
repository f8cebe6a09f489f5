import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureWriter } from '../architecture-writer';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { RemoveDependencyInput } from './remove-dependency.input';

/** `removeDependency`. */
@Resolver(() => Component)
export class RemoveDependencyResolver {
  constructor(
    private readonly writer: ArchitectureWriter,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async removeDependency(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: RemoveDependencyInput,
  ): Promise<ComponentView> {
    await this.writer.onComponent(context, input.fromId, {
      type: 'RemoveDependency',
      fromId: input.fromId,
      toId: input.toId,
    });
    return this.queries.component(context, input.fromId);
  }
}
