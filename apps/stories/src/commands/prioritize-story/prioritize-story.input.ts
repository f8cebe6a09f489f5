import { Field, ID, InputType } from '@nestjs/graphql';
import { StoryPriority } from '../../graphql/story.model';

@InputType()
export class PrioritizeStoryInput {
  @Field(() => ID) id!: string;
  @Field(() => StoryPriority) priority!: StoryPriority;
}
