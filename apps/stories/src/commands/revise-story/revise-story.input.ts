import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class ReviseStoryInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version the change is based on; a stale one gets CONFLICT.' })
  expectedVersion!: number;
  @Field({ nullable: true, description: 'Unchanged when omitted.' }) title?: string;
  @Field({ nullable: true, description: 'Unchanged when omitted.' }) description?: string;
}
