import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class DeleteComponentInput {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Unlink its stories and remove the dependencies to and from it, instead of refusing.',
  })
  force?: boolean;
}
