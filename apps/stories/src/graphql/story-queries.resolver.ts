import { Args, ID, Int, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { CurrentRequest, requestLoader } from '@app/platform';
import { StoryQueryService } from '../application/story-query.service';
import type { EventRecordView, StoryDiffView, StoryReviewView } from '../application/views/history.view';
import type { StoryPageView, StoryView } from '../application/views/story.view';
import { EventRecord, StoryDiff, StoryReview } from './history.model';
import { Story, StoryConnection, StoryPriority, StoryStatus } from './story.model';

/** The story read side: one story (now or at a version), pages of stories, history, diffs, reviews, the markdown export. */
@Resolver(() => Story)
export class StoryQueriesResolver {
  /** The stories one request resolves as references (a component's, through the gateway): one query. */
  private readonly referencedStories = requestLoader<string, StoryView>((context, ids) =>
    this.queries.storiesByIds(context, ids),
  );

  constructor(private readonly queries: StoryQueryService) {}

  @Query(() => Story, { description: 'The story now, or as it stood at `atVersion`.' })
  story(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('atVersion', { type: () => Int, nullable: true }) atVersion?: number,
  ): Promise<StoryView> {
    return this.queries.story(context, id, atVersion ?? undefined);
  }

  @Query(() => StoryConnection)
  stories(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('status', { type: () => StoryStatus, nullable: true }) status?: StoryStatus,
    @Args('priority', { type: () => StoryPriority, nullable: true }) priority?: StoryPriority,
    @Args('tag', { nullable: true }) tag?: string,
    @Args('componentId', { type: () => ID, nullable: true }) componentId?: string,
    @Args('search', { nullable: true, description: 'Text in the title or description.' }) search?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<StoryPageView> {
    return this.queries.stories(context, {
      projectId,
      status: status ?? undefined,
      priority: priority ?? undefined,
      tag: tag ?? undefined,
      componentId: componentId ?? undefined,
      search: search ?? undefined,
      first: first ?? undefined,
      after: after ?? undefined,
    });
  }

  @Query(() => [EventRecord])
  storyHistory(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<EventRecordView[]> {
    return this.queries.history(context, id);
  }

  @Query(() => StoryDiff)
  storyDiff(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
  ): Promise<StoryDiffView> {
    return this.queries.diff(context, id, fromVersion, toVersion);
  }

  @Query(() => StoryReview, {
    description: 'Deterministic review: story format, testable criteria, vague words, size, duplicates.',
  })
  reviewStory(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<StoryReviewView> {
    return this.queries.review(context, id);
  }

  @Query(() => String, { description: 'The project’s stories in user_stories.md format.' })
  exportStoriesMarkdown(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<string> {
    return this.queries.exportMarkdown(context, projectId);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, context: RequestContext): Promise<StoryView | null> {
    return this.referencedStories(context).load(reference.id);
  }
}
