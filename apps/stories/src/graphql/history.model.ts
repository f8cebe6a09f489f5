import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '@app/platform';

@ObjectType()
export class EventRecord {
  @Field(() => ID) eventId!: string;
  @Field() type!: string;
  @Field(() => Int) version!: number;
  @Field() occurredAt!: string;
  @Field(() => String, { nullable: true }) actor!: string | null;
  @Field(() => JSONScalar) data!: unknown;
}

@ObjectType()
export class FieldChange {
  @Field() field!: string;
  @Field(() => JSONScalar, { nullable: true }) before!: unknown;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
}

@ObjectType()
export class StoryDiff {
  @Field(() => ID) storyId!: string;
  @Field(() => Int) fromVersion!: number;
  @Field(() => Int) toVersion!: number;
  @Field(() => [FieldChange]) changes!: FieldChange[];
}

@ObjectType()
export class ReviewFinding {
  @Field() rule!: string;
  @Field() severity!: string;
  @Field() message!: string;
}

@ObjectType()
export class StoryReview {
  @Field(() => ID) storyId!: string;
  @Field(() => Int) score!: number;
  @Field(() => [ReviewFinding]) findings!: ReviewFinding[];
}
