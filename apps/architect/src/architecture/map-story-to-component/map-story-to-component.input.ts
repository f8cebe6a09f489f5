import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class LinkStoryToComponentInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) componentId!: string;
}
