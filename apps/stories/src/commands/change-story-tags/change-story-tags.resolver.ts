import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryWriter } from '../story-writer';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { SetStoryTagsInput } from './change-story-tags.input';

/** The `setStoryTags` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class SetStoryTagsResolver {
  constructor(private readonly writer: StoryWriter) {}

  @Mutation(() => Story)
  async setStoryTags(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: SetStoryTagsInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.writer.execute(context, { type: 'ChangeStoryTags', storyId: input.id, tags: input.tags }),
    );
  }
}
