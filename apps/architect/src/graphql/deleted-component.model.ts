import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class RemovedDependency {
  @Field(() => ID) fromId!: string;
  @Field(() => ID) toId!: string;
}

@ObjectType({ description: 'What deleting a component took with it.' })
export class DeletedComponent {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [ID], { description: 'Stories that were linked to it (force).' }) unlinkedStoryIds!: string[];
  @Field(() => [RemovedDependency], { description: 'Dependencies to and from it (force).' })
  removedDependencies!: RemovedDependency[];
}
