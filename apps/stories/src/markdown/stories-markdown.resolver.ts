import { randomUUID } from 'node:crypto';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { ValidationError } from '@app/domain';
import { CurrentRequest } from '@app/platform';
import { StoryCommandService } from '../application/story-command.service';
import { StoryQueryService } from '../application/story-query.service';
import type { StoryView } from '../application/views/story.view';
import { storyFromState } from '../application/views/story-views';
import { Story } from '../graphql/story.model';
import { parseStoriesMarkdown } from '@app/domain';

/** The most stories one `importStoriesMarkdown` creates (all or none). */
export const MAX_IMPORTED_STORIES = 10_000;

/** `user_stories.md` in and out: a project's stories as one markdown document. */
@Resolver(() => Story)
export class StoriesMarkdownResolver {
  constructor(
    private readonly commands: StoryCommandService,
    private readonly queries: StoryQueryService,
  ) {}

  @Query(() => String, { description: 'The project’s stories in user_stories.md format.' })
  exportStoriesMarkdown(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<string> {
    return this.queries.exportMarkdown(context, projectId);
  }

  @Mutation(() => [Story], { description: 'Creates every story of a user_stories.md document, all or none.' })
  async importStoriesMarkdown(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('markdown') markdown: string,
  ): Promise<StoryView[]> {
    // Access first: a document with no story must not answer [] to a caller who may not import.
    await this.commands.assertWritable(context, projectId);
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
        acceptanceCriteria: story.acceptanceCriteria.map((criterion) => ({
          id: randomUUID(),
          description: criterion.description,
          wantedRef: criterion.ref,
        })),
        tags: [],
      })),
    );
    return stories.map(storyFromState);
  }
}
