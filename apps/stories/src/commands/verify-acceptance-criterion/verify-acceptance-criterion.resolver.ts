import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryWriter } from '../story-writer';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { VerifyAcceptanceCriterionInput } from './verify-acceptance-criterion.input';

/** The `verifyAcceptanceCriterion` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class VerifyAcceptanceCriterionResolver {
  constructor(private readonly writer: StoryWriter) {}

  @Mutation(() => Story)
  async verifyAcceptanceCriterion(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: VerifyAcceptanceCriterionInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.writer.execute(context, {
        type: 'VerifyAcceptanceCriterion',
        storyId: input.storyId,
        criterionId: input.criterionId,
      }),
    );
  }
}
