import { Field, ID, InputType } from '@nestjs/graphql';
import { StoryStatus } from '../../graphql/story.model';

@InputType()
export class SetStoryStatusInput {
  @Field(() => ID) id!: string;
  @Field(() => StoryStatus) status!: StoryStatus;
}
