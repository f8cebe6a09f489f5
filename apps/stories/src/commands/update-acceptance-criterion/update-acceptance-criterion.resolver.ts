import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryWriter } from '../story-writer';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { UpdateAcceptanceCriterionInput } from './update-acceptance-criterion.input';

/** The `updateAcceptanceCriterion` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class UpdateAcceptanceCriterionResolver {
  constructor(private readonly writer: StoryWriter) {}

  @Mutation(() => Story)
  async updateAcceptanceCriterion(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: UpdateAcceptanceCriterionInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.writer.execute(context, {
        type: 'UpdateAcceptanceCriterion',
        storyId: input.storyId,
        criterionId: input.criterionId,
        description: input.description,
      }),
    );
  }
}
