import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type * as views from '../application/views/story.view';
import type * as values from '../story/story.values';

export enum StoryStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  DIRTY = 'DIRTY',
}
registerEnumType(StoryStatus, { name: 'StoryStatus' });

export enum StoryPriority {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(StoryPriority, { name: 'StoryPriority' });

@ObjectType()
export class AcceptanceCriterion implements views.CriterionView {
  @Field(() => ID) id!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'AC-<n>: unique in the project, never reused; designs cite it as [AC-<n>]. Null for a criterion recorded before references existed.',
  })
  ref!: string | null;
  @Field() description!: string;
  @Field() verified!: boolean;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Story implements views.StoryView {
  @Field(() => ID) id!: string;
  @Field(() => ID) projectId!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => StoryStatus) status!: values.StoryStatus;
  @Field(() => StoryPriority) priority!: values.StoryPriority;
  @Field(() => Int, { description: 'Number of events in the story stream.' }) version!: number;
  @Field(() => [String]) tags!: string[];
  @Field(() => [AcceptanceCriterion]) acceptanceCriteria!: AcceptanceCriterion[];
  @Field(() => ID, {
    nullable: true,
    description: 'The component the story is linked to (set by the architect).',
  })
  componentId!: string | null;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class StoryEdge {
  @Field(() => Story) node!: Story;
  @Field() cursor!: string;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class StoryConnection implements views.StoryPageView {
  @Field(() => [StoryEdge]) edges!: StoryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
