import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class UpdateAcceptanceCriterionInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) criterionId!: string;
  @Field() description!: string;
}
