import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import { AcceptDesignAsCurrentHandler } from './accept-design-as-current.handler';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { AcceptDesignAsCurrentInput } from './accept-design-as-current.input';

/**
 * `acceptDesignAsCurrent`: "this change needs no rework" — the causes it names (or every one) are
 * waived, and the design stands; evidence stands for the criteria it names.
 */
@Resolver(() => Component)
export class AcceptDesignAsCurrentResolver {
  constructor(
    private readonly handler: AcceptDesignAsCurrentHandler,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async acceptDesignAsCurrent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: AcceptDesignAsCurrentInput,
  ): Promise<ComponentView> {
    await this.handler.handle(context, input);
    return this.queries.component(context, input.componentId);
  }
}
