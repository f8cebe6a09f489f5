import { randomUUID } from 'node:crypto';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { StoryWriter } from '../story-writer';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { AddAcceptanceCriterionInput } from './add-acceptance-criterion.input';

/** The `addAcceptanceCriterion` mutation: GraphQL in, the command to the story's decider, the story out. */
@Resolver(() => Story)
export class AddAcceptanceCriterionResolver {
  constructor(private readonly writer: StoryWriter) {}

  @Mutation(() => Story)
  async addAcceptanceCriterion(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: AddAcceptanceCriterionInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.writer.execute(context, {
        type: 'AddAcceptanceCriterion',
        storyId: input.storyId,
        criterionId: randomUUID(),
        description: input.description,
      }),
    );
  }
}
