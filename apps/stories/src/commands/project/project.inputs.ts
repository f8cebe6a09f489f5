import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreateProjectInput {
  @Field() name!: string;
  @Field({ defaultValue: '' }) description!: string;
}

@InputType()
export class RenameProjectInput {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}
