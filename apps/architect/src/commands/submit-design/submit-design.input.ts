import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class SubmitDesignInput {
  @Field(() => ID) componentId!: string;
  @Field() markdown!: string;
}
