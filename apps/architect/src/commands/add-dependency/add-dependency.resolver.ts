import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { AddDependencyHandler } from './add-dependency.handler';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { AddDependencyInput } from './add-dependency.input';

/** `addDependency`: refused with DEPENDENCY_CYCLE when it would close a cycle. */
@Resolver(() => Component)
export class AddDependencyResolver {
  constructor(
    private readonly handler: AddDependencyHandler,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component, {
    description: 'A cycle of any length gets DEPENDENCY_CYCLE with extensions.cycle.',
  })
  async addDependency(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: AddDependencyInput,
  ): Promise<ComponentView> {
    await this.handler.add(context, input.fromId, input.toId);
    return this.queries.component(context, input.fromId);
  }
}
