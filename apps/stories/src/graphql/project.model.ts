import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ProjectView } from '../application/views/story.view';

@ObjectType()
@Directive('@key(fields: "id")')
export class Project implements ProjectView {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field() archived!: boolean;
  @Field(() => Int) version!: number;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}
