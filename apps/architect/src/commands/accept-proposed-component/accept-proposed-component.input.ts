import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AcceptProposedComponentInput {
  @Field(() => ID) contextId!: string;
  @Field({
    description: 'A name the context’s accepted design lists under Components that is not a component yet.',
  })
  name!: string;
}
