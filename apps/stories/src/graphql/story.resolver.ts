import { randomUUID } from 'node:crypto';
import { Args, ID, Int, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { ValidationError } from '@app/domain';
import { CurrentRequest } from '@app/platform';
import { StoryCommandService } from '../application/story-command.service';
import { StoryQueryService } from '../application/story-query.service';
import { storyFromState } from '../application/views/story-views';
import type { EventRecordView, StoryDiffView, StoryReviewView } from '../application/views/history.view';
import type { StoryPageView, StoryView } from '../application/views/story.view';
import { parseStoriesMarkdown } from '../markdown/user-stories-markdown';
import { EventRecord, StoryDiff, StoryReview } from './history.model';
import {
  AddAcceptanceCriterionInput,
  CreateStoryInput,
  PrioritizeStoryInput,
  RemoveAcceptanceCriterionInput,
  ReviseStoryInput,
  SetStoryStatusInput,
  SetStoryTagsInput,
  UpdateAcceptanceCriterionInput,
  VerifyAcceptanceCriterionInput,
} from './story.inputs';
import { Story, StoryConnection, StoryPriority, StoryStatus } from './story.model';

/** The most stories one `importStoriesMarkdown` creates (all or none). */
export const MAX_IMPORTED_STORIES = 10_000;

@Resolver(() => Story)
export class StoryResolver {
  constructor(
    private readonly commands: StoryCommandService,
    private readonly queries: StoryQueryService,
  ) {}

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

  @Mutation(() => Story)
  async createStory(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: CreateStoryInput,
  ): Promise<StoryView> {
    const [story] = await this.commands.create(context, [
      {
        type: 'CreateStory',
        storyId: randomUUID(),
        projectId: input.projectId,
        title: input.title,
        description: input.description,
        acceptanceCriteria: input.acceptanceCriteria.map((description) => ({
          id: randomUUID(),
          description,
        })),
        tags: input.tags,
        priority: input.priority,
      },
    ]);
    return storyFromState(story);
  }

  @Mutation(() => [Story], { description: 'Creates every story of a user_stories.md document, all or none.' })
  async importStoriesMarkdown(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('markdown') markdown: string,
  ): Promise<StoryView[]> {
    const parsed = parseStoriesMarkdown(markdown);
    if (parsed.length > MAX_IMPORTED_STORIES)
      throw new ValidationError(
        `the document holds ${parsed.length} stories; one import takes at most ${MAX_IMPORTED_STORIES}`,
        [{ field: 'markdown', message: `at most ${MAX_IMPORTED_STORIES} stories per import` }],
      );
    const stories = await this.commands.create(
      context,
      parsed.map((story) => ({
        type: 'CreateStory' as const,
        storyId: randomUUID(),
        projectId,
        title: story.title,
        description: story.description,
        acceptanceCriteria: story.acceptanceCriteria.map((description) => ({
          id: randomUUID(),
          description,
        })),
        tags: [],
      })),
    );
    return stories.map(storyFromState);
  }

  @Mutation(() => Story, {
    description: 'A stale expectedVersion gets CONFLICT with extensions.currentVersion.',
  })
  async reviseStory(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: ReviseStoryInput,
  ): Promise<StoryView> {
    const current = await this.queries.story(context, input.id);
    const story = await this.commands.execute(
      context,
      {
        type: 'ReviseStory',
        storyId: input.id,
        title: input.title ?? current.title,
        description: input.description ?? current.description,
      },
      input.expectedVersion,
    );
    return storyFromState(story);
  }

  @Mutation(() => Story)
  async addAcceptanceCriterion(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: AddAcceptanceCriterionInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.commands.execute(context, {
        type: 'AddAcceptanceCriterion',
        storyId: input.storyId,
        criterionId: randomUUID(),
        description: input.description,
      }),
    );
  }

  @Mutation(() => Story)
  async updateAcceptanceCriterion(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: UpdateAcceptanceCriterionInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.commands.execute(context, {
        type: 'UpdateAcceptanceCriterion',
        storyId: input.storyId,
        criterionId: input.criterionId,
        description: input.description,
      }),
    );
  }

  @Mutation(() => Story)
  async removeAcceptanceCriterion(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: RemoveAcceptanceCriterionInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.commands.execute(context, {
        type: 'RemoveAcceptanceCriterion',
        storyId: input.storyId,
        criterionId: input.criterionId,
      }),
    );
  }

  @Mutation(() => Story)
  async verifyAcceptanceCriterion(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: VerifyAcceptanceCriterionInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.commands.execute(context, {
        type: 'VerifyAcceptanceCriterion',
        storyId: input.storyId,
        criterionId: input.criterionId,
      }),
    );
  }

  @Mutation(() => Story)
  async setStoryStatus(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: SetStoryStatusInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.commands.execute(context, {
        type: 'SetStoryStatus',
        storyId: input.id,
        status: input.status,
      }),
    );
  }

  @Mutation(() => Story)
  async setStoryTags(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: SetStoryTagsInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.commands.execute(context, { type: 'ChangeStoryTags', storyId: input.id, tags: input.tags }),
    );
  }

  @Mutation(() => Story)
  async prioritizeStory(
    @CurrentRequest() context: RequestContext,
    @Args('input') input: PrioritizeStoryInput,
  ): Promise<StoryView> {
    return storyFromState(
      await this.commands.execute(context, {
        type: 'PrioritizeStory',
        storyId: input.id,
        priority: input.priority,
      }),
    );
  }

  @Mutation(() => Boolean)
  async deleteStory(
    @CurrentRequest() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    await this.commands.execute(context, { type: 'DeleteStory', storyId: id });
    return true;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext): Promise<StoryView | null> {
    try {
      return await this.queries.story(context, reference.id);
    } catch {
      return null;
    }
  }
}
