import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryCommandService } from '../../application/story-command.service';
import { Story } from '../../graphql/story.model';

/** The `deleteStory` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class DeleteStoryResolver {
  constructor(private readonly commands: StoryCommandService) {}

  @Mutation(() => Boolean)
  async deleteStory(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    await this.commands.execute(context, { type: 'DeleteStory', storyId: id });
    return true;
  }
}
