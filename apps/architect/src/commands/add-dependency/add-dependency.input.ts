import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddDependencyInput {
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
}
