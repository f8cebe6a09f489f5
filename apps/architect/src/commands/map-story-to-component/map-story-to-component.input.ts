import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class LinkStoryToComponentInput {
  @Field(() => ID) storyId!: string;
  @Field(() => ID) componentId!: string;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'Move the story when it is linked to another component (otherwise CONFLICT names that component).',
  })
  replace?: boolean;
}
