import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { ArchitectureQueryService } from '../application/architecture-query.service';
import type { ComponentView } from '../application/views/architecture.view';
import { Component, Story } from './component.model';

/** Adds `Story.component` to the stories subgraph's Story entity. */
@Resolver(() => Story)
export class StoryComponentResolver {
  constructor(private readonly queries: ArchitectureQueryService) {}

  @ResolveField(() => Component, { nullable: true, description: 'The component the story is mapped onto.' })
  component(
    @CurrentRequest() context: RequestContext,
    @Parent() story: Story,
  ): Promise<ComponentView | null> {
    return this.queries.componentOfStory(context, story.id);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }): Story {
    return { id: reference.id };
  }
}
