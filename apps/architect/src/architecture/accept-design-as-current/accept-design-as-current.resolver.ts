import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import { ComponentCommandService } from '../../application/component-command.service';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { AcceptDesignAsCurrentInput } from './accept-design-as-current.input';

/** `acceptDesignAsCurrent`: "this change needs no rework" — the DIRTY component's design and evidence stand. */
@Resolver(() => Component)
export class AcceptDesignAsCurrentResolver {
  constructor(
    private readonly commands: ComponentCommandService,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async acceptDesignAsCurrent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: AcceptDesignAsCurrentInput,
  ): Promise<ComponentView> {
    await this.commands.change(context, {
      type: 'AcceptDesignAsCurrent',
      componentId: input.componentId,
      reason: input.reason,
    });
    return this.queries.component(context, input.componentId);
  }
}
