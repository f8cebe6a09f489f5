import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class UnlinkStoryFromComponentInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) componentId!: string;
}
