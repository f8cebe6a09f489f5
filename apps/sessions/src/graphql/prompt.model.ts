import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ContextItemModel, LlmCallModel } from './session.model';

export enum PromptKindEnum {
  STORY_INTERVIEW = 'STORY_INTERVIEW',
  STORY_REVIEW = 'STORY_REVIEW',
  CONTEXT_DESIGN = 'CONTEXT_DESIGN',
  COMPONENT_DESIGN = 'COMPONENT_DESIGN',
}
registerEnumType(PromptKindEnum, { name: 'PromptKind' });

@ObjectType()
export class PromptModel {
  @Field(() => ID) id!: string;
  @Field(() => PromptKindEnum) kind!: PromptKindEnum;
  @Field(() => ID, { description: 'The project, story or context the prompt is about.' }) subjectId!: string;
  @Field({ description: 'The prompt as markdown: the persona, then what it embeds.' }) text!: string;
  @Field() contextHash!: string;
  @Field(() => [ContextItemModel], { description: 'What it embedded (recorded as a PromptIssued event).' })
  items!: ContextItemModel[];
}

@ObjectType()
export class AiFindingModel {
  @Field() rule!: string;
  @Field() severity!: string;
  @Field() message!: string;
}

@ObjectType()
export class AiStoryReviewModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) storyId!: string;
  @Field(() => Int) storyVersion!: number;
  @Field({ description: 'llm, or deterministic when no LLM is configured (or its reply was unusable).' })
  source!: string;
  @Field(() => String, { nullable: true }) fallbackReason!: string | null;
  @Field(() => Int) score!: number;
  @Field(() => [AiFindingModel]) findings!: AiFindingModel[];
  @Field(() => LlmCallModel, { nullable: true }) llmCall!: LlmCallModel | null;
  @Field() at!: string;
}
