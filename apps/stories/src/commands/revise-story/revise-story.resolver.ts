import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryWriter } from '../story-writer';
import { StoryQueryService } from '../../application/story-query.service';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { ReviseStoryInput } from './revise-story.input';

/** The `reviseStory` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class ReviseStoryResolver {
  constructor(
    private readonly writer: StoryWriter,
    private readonly queries: StoryQueryService,
  ) {}

  @Mutation(() => Story, {
    description: 'A stale expectedVersion gets CONFLICT with extensions.currentVersion.',
  })
  async reviseStory(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: ReviseStoryInput,
  ): Promise<StoryView> {
    const current = await this.queries.story(context, input.id);
    const story = await this.writer.execute(
      context,
      {
        type: 'ReviseStory',
        storyId: input.id,
        title: input.title ?? current.title,
        description: input.description ?? current.description,
      },
      input.expectedVersion,
    );
    return storyFromState(story);
  }
}
