import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import { ArchitectureWriter } from '../architecture-writer';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { RenameComponentInput } from './rename-component.input';

/** `renameComponent`: a component or context takes a new name (its module name follows). */
@Resolver(() => Component)
export class RenameComponentResolver {
  constructor(
    private readonly writer: ArchitectureWriter,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async renameComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: RenameComponentInput,
  ): Promise<ComponentView> {
    await this.writer.onComponent(context, input.id, {
      type: 'RenameComponent',
      componentId: input.id,
      name: input.name,
    });
    return this.queries.component(context, input.id);
  }
}
