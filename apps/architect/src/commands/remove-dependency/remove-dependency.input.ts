import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RemoveDependencyInput {
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
}
