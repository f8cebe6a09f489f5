import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '@app/platform';
import type * as views from '../application/views/history.view';

@ObjectType()
export class EventRecord implements views.EventRecordView {
  @Field(() => ID) eventId!: string;
  @Field() type!: string;
  @Field(() => Int) version!: number;
  @Field() occurredAt!: string;
  @Field(() => String, { nullable: true }) actor!: string | null;
  @Field(() => JSONScalar) data!: unknown;
}

@ObjectType()
export class FieldChange implements views.FieldChangeView {
  @Field() field!: string;
  @Field(() => JSONScalar, { nullable: true }) before!: unknown;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
}

@ObjectType()
export class StoryDiff implements views.StoryDiffView {
  @Field(() => ID) storyId!: string;
  @Field(() => Int) fromVersion!: number;
  @Field(() => Int) toVersion!: number;
  @Field(() => [FieldChange]) changes!: FieldChange[];
}

@ObjectType()
export class ReviewFinding implements views.ReviewFindingView {
  @Field() rule!: string;
  @Field() severity!: string;
  @Field() message!: string;
}

@ObjectType()
export class StoryReview implements views.StoryReviewView {
  @Field(() => ID) storyId!: string;
  @Field(() => Int) score!: number;
  @Field(() => [ReviewFinding]) findings!: ReviewFinding[];
}
