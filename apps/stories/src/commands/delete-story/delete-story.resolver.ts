import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryWriter } from '../story-writer';
import { Story } from '../../graphql/story.model';

/** The `deleteStory` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class DeleteStoryResolver {
  constructor(private readonly writer: StoryWriter) {}

  @Mutation(() => Boolean)
  async deleteStory(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    await this.writer.execute(context, { type: 'DeleteStory', storyId: id });
    return true;
  }
}
