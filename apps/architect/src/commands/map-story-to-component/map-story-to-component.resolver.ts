import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { MapStoryToComponentHandler } from './map-story-to-component.handler';
import { ArchitectureQueryService } from '../../application/architecture-query.service';
import type { ComponentView } from '../../application/views/architecture.view';
import { Component } from '../../graphql/component.model';
import { LinkStoryToComponentInput } from './map-story-to-component.input';

/** `linkStoryToComponent`: maps a story onto a component; moving it from another needs `replace`. */
@Resolver(() => Component)
export class MapStoryToComponentResolver {
  constructor(
    private readonly handler: MapStoryToComponentHandler,
    private readonly queries: ArchitectureQueryService,
  ) {}

  @Mutation(() => Component)
  async linkStoryToComponent(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: LinkStoryToComponentInput,
  ): Promise<ComponentView> {
    await this.handler.link(context, input.storyId, input.componentId, input.replace ?? false);
    return this.queries.component(context, input.componentId);
  }
}
