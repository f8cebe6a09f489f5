import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddAcceptanceCriterionInput {
  @Field(() => ID) storyId!: string;
  @Field() description!: string;
}
