import { randomUUID } from 'node:crypto';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { CreateStoryHandler } from './create-story.handler';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { CreateStoryInput } from './create-story.input';

/** The `createStory` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class CreateStoryResolver {
  constructor(private readonly handler: CreateStoryHandler) {}

  @Mutation(() => Story)
  async createStory(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: CreateStoryInput,
  ): Promise<StoryView> {
    const [story] = await this.handler.create(context, [
      {
        type: 'CreateStory',
        storyId: randomUUID(),
        projectId: input.projectId,
        title: input.title,
        description: input.description,
        acceptanceCriteria: input.acceptanceCriteria.map((description) => ({
          id: randomUUID(),
          description,
        })),
        tags: input.tags,
        priority: input.priority,
      },
    ]);
    return storyFromState(story);
  }
}
