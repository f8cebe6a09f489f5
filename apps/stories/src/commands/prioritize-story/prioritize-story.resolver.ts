import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryWriter } from '../story-writer';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { PrioritizeStoryInput } from './prioritize-story.input';

/** The `prioritizeStory` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class PrioritizeStoryResolver {
  constructor(private readonly writer: StoryWriter) {}

  @Mutation(() => Story)
  async prioritizeStory(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: PrioritizeStoryInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.writer.execute(context, {
        type: 'PrioritizeStory',
        storyId: input.id,
        priority: input.priority,
      }),
    );
  }
}
