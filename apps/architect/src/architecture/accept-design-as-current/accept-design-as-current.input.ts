import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AcceptDesignAsCurrentInput {
  @Field(() => ID) componentId!: string;
  @Field({ description: 'Why the changes need no rework (recorded with the actor).' }) reason!: string;
}
