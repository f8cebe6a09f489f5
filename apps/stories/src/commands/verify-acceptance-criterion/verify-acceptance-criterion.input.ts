import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class VerifyAcceptanceCriterionInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) criterionId!: string;
}
