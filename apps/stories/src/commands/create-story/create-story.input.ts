import { Field, ID, InputType } from '@nestjs/graphql';
import { StoryPriority } from '../../graphql/story.model';

@InputType()
export class CreateStoryInput {
  @Field(() => ID) projectId!: string;
  @Field() title!: string;
  @Field({ defaultValue: '' }) description!: string;
  @Field(() => [String], { defaultValue: [] }) acceptanceCriteria!: string[];
  @Field(() => [String], { defaultValue: [] }) tags!: string[];
  @Field(() => StoryPriority, { nullable: true }) priority?: StoryPriority;
}
