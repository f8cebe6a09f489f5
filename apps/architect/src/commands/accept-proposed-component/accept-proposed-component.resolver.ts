import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import { AcceptProposedComponentHandler } from './accept-proposed-component.handler';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { AcceptProposedComponentInput } from './accept-proposed-component.input';

/** `acceptProposedComponent`: creates (type other) a component the context's accepted design proposes. */
@Resolver(() => Component)
export class AcceptProposedComponentResolver {
  constructor(
    private readonly handler: AcceptProposedComponentHandler,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async acceptProposedComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: AcceptProposedComponentInput,
  ): Promise<ComponentView> {
    const { componentId } = await this.handler.accept(context, input.contextId, input.name);
    return this.queries.component(context, componentId);
  }
}
