import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class SetStoryTagsInput {
  @Field(() => ID) id!: string;
  @Field(() => [String]) tags!: string[];
}
