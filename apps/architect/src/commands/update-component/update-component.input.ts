import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class UpdateComponentInput {
  @Field(() => ID) id!: string;
  @Field() description!: string;
}
