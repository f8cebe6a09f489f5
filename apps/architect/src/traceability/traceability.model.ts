import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type * as views from './traceability.view';
import type { TraceStatus as Status } from './trace';

export enum TraceStatus {
  UNLINKED = 'UNLINKED',
  UNCITED = 'UNCITED',
  UNTESTED = 'UNTESTED',
  NOT_RED = 'NOT_RED',
  NOT_GREEN = 'NOT_GREEN',
  VERIFIED = 'VERIFIED',
  DIRTY = 'DIRTY',
}
registerEnumType(TraceStatus, {
  name: 'TraceStatus',
  description:
    'Where a criterion stands: UNLINKED (story on no component), UNCITED (no assertion of the accepted design cites it), UNTESTED (a citing assertion has no test), NOT_RED (a test never failed for the right reason), NOT_GREEN (a test has not passed since), VERIFIED, DIRTY (an upstream change made the evidence stale).',
});

@ObjectType()
export class TracedCriterionRef {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) ref!: string | null;
  @Field() description!: string;
}

@ObjectType()
export class TracedStory {
  @Field(() => ID) id!: string;
  @Field() title!: string;
}

@ObjectType()
export class TracedComponent {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The accepted design version whose Test Assertions the criterion is traced through.',
  })
  designVersion!: number | null;
}

@ObjectType({
  description: 'A test named after a citing assertion, with its last red and last green evidence.',
})
export class TracedTest implements views.TracedTestView {
  @Field() name!: string;
  @Field(() => ID, { nullable: true }) lastRedRunId!: string | null;
  @Field(() => String, { nullable: true }) lastRedAt!: string | null;
  @Field(() => ID, { nullable: true }) lastGreenRunId!: string | null;
  @Field(() => String, { nullable: true }) lastGreenAt!: string | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'The earlier design version whose red evidence still counts for this test: its assertion and its source are unchanged since (null: the evidence is from the accepted version).',
  })
  carriedOverFrom!: number | null;
}

@ObjectType()
export class TracedCriterion implements views.TracedCriterionView {
  @Field(() => TracedCriterionRef) criterion!: TracedCriterionRef;
  @Field(() => TracedStory) story!: TracedStory;
  @Field(() => TracedComponent, { nullable: true }) component!: TracedComponent | null;
  @Field(() => [String], { description: 'The assertions of the accepted design that cite the criterion.' })
  assertions!: string[];
  @Field(() => [TracedTest]) tests!: TracedTest[];
  @Field(() => String, {
    nullable: true,
    description: 'The commit of the green code, once the project keeps a git record.',
  })
  commit!: string | null;
  @Field(() => TraceStatus) status!: Status;
}

@ObjectType()
export class TraceStatusCount {
  @Field(() => TraceStatus) status!: Status;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class TracePageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'Every criterion of a project, from its story to its red and green evidence.' })
export class Traceability implements views.TraceabilityView {
  @Field(() => ID) projectId!: string;
  @Field({
    description: 'True when every criterion in scope (the project, or the component asked for) is VERIFIED.',
  })
  complete!: boolean;
  @Field(() => [TraceStatusCount], {
    description: 'Criteria in scope per status, whatever the filter and page.',
  })
  counts!: TraceStatusCount[];
  @Field(() => [TracedCriterion], { description: 'The page asked for, in report order (stories by title).' })
  criteria!: TracedCriterion[];
  @Field(() => Int, { description: 'Criteria in scope that match the status filter, over all pages.' })
  totalCount!: number;
  @Field(() => TracePageInfo) pageInfo!: TracePageInfo;
}
