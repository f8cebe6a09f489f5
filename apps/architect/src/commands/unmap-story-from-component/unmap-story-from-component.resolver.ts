import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { UnmapStoryFromComponentHandler } from './unmap-story-from-component.handler';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { UnlinkStoryFromComponentInput } from './unmap-story-from-component.input';

/** `unlinkStoryFromComponent`. */
@Resolver(() => Component)
export class UnmapStoryFromComponentResolver {
  constructor(
    private readonly handler: UnmapStoryFromComponentHandler,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async unlinkStoryFromComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: UnlinkStoryFromComponentInput,
  ): Promise<ComponentView> {
    await this.handler.unlink(context, input.storyId, input.componentId);
    return this.queries.component(context, input.componentId);
  }
}
