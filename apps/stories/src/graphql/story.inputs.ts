import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { StoryPriority, StoryStatus } from './story.model';

@InputType()
export class CreateProjectInput {
  @Field() name!: string;
  @Field({ defaultValue: '' }) description!: string;
}

@InputType()
export class RenameProjectInput {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@InputType()
export class CreateStoryInput {
  @Field(() => ID) projectId!: string;
  @Field() title!: string;
  @Field({ defaultValue: '' }) description!: string;
  @Field(() => [String], { defaultValue: [] }) acceptanceCriteria!: string[];
  @Field(() => [String], { defaultValue: [] }) tags!: string[];
  @Field(() => StoryPriority, { nullable: true }) priority?: StoryPriority;
}

@InputType()
export class ReviseStoryInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version the change is based on; a stale one gets CONFLICT.' })
  expectedVersion!: number;
  @Field({ nullable: true, description: 'Unchanged when omitted.' }) title?: string;
  @Field({ nullable: true, description: 'Unchanged when omitted.' }) description?: string;
}

@InputType()
export class AddAcceptanceCriterionInput {
  @Field(() => ID) storyId!: string;
  @Field() description!: string;
}

@InputType()
export class UpdateAcceptanceCriterionInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) criterionId!: string;
  @Field() description!: string;
}

@InputType()
export class RemoveAcceptanceCriterionInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) criterionId!: string;
}

@InputType()
export class VerifyAcceptanceCriterionInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) criterionId!: string;
}

@InputType()
export class SetStoryStatusInput {
  @Field(() => ID) id!: string;
  @Field(() => StoryStatus) status!: StoryStatus;
}

@InputType()
export class SetStoryTagsInput {
  @Field(() => ID) id!: string;
  @Field(() => [String]) tags!: string[];
}

@InputType()
export class PrioritizeStoryInput {
  @Field(() => ID) id!: string;
  @Field(() => StoryPriority) priority!: StoryPriority;
}
