import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest } from '@app/platform';
import { PromptService } from '../prompts/prompt.service';
import { AiStoryReviewModel, PromptKindEnum, PromptModel } from './prompt.model';
import { llmCallView } from './llm-call.view';

@Resolver()
export class PromptResolver {
  constructor(private readonly prompts: PromptService) {}

  @Mutation(() => PromptModel, {
    description:
      'A prompt for your own assistant (PM interview, story review, context design) embedding the current stories or architecture; recorded with what it embedded.',
  })
  async issuePrompt(
    @CurrentRequest() context: RequestContext,
    @Args('kind', { type: () => PromptKindEnum }) kind: PromptKindEnum,
    @Args('subjectId', {
      type: () => ID,
      description:
        'A project (STORY_INTERVIEW), story (STORY_REVIEW), context (CONTEXT_DESIGN) or component (COMPONENT_DESIGN).',
    })
    subjectId: string,
  ): Promise<PromptModel> {
    const prompt = await this.prompts.issue(context, kind, subjectId);
    return {
      id: prompt.id,
      kind,
      subjectId,
      text: prompt.assembled.markdown,
      contextHash: prompt.assembled.contextHash,
      items: prompt.assembled.items,
    };
  }

  @Mutation(() => AiStoryReviewModel, {
    description:
      'Reviews a story with the LLM (recorded, with its ledger entry); without an LLM, the deterministic review.',
  })
  async reviewStoryWithAi(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AiStoryReviewModel> {
    const review = await this.prompts.reviewWithAi(context, id);
    const call = review.llmCall;
    return {
      id: review.reviewId,
      storyId: review.storyId,
      storyVersion: review.storyVersion,
      source: review.source,
      fallbackReason: review.fallbackReason,
      score: review.score,
      findings: [...review.findings],
      llmCall: call ? llmCallView(call, 'review_story', 1) : null,
      at: review.at,
    };
  }
}
