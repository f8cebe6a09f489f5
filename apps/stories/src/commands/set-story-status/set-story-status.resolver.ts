import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryWriter } from '../story-writer';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { SetStoryStatusInput } from './set-story-status.input';

/** The `setStoryStatus` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class SetStoryStatusResolver {
  constructor(private readonly writer: StoryWriter) {}

  @Mutation(() => Story)
  async setStoryStatus(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: SetStoryStatusInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.writer.execute(context, {
        type: 'SetStoryStatus',
        storyId: input.id,
        status: input.status,
      }),
    );
  }
}
