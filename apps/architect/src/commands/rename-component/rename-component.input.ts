import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RenameComponentInput {
  @Field(() => ID) id!: string;
  @Field({ description: 'Unique in the project (any case); modules use dotted PascalCase.' }) name!: string;
}
