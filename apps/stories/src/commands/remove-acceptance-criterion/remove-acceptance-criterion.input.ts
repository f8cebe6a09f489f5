import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RemoveAcceptanceCriterionInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) criterionId!: string;
}
