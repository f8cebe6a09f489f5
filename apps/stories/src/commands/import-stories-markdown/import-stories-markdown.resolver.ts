import { randomUUID } from 'node:crypto';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@app/platform';
import { parseStoriesMarkdown, ValidationError } from '@app/domain';
import { CurrentRequest } from '@app/platform';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { CreateStoryHandler } from '../create-story/create-story.handler';
import { StoryWriter } from '../story-writer';

/** The most stories one `importStoriesMarkdown` creates (all or none). */
export const MAX_IMPORTED_STORIES = 10_000;

/** The `importStoriesMarkdown` mutation: a user_stories.md document in, its stories created. */
@Resolver(() => Story)
export class ImportStoriesMarkdownResolver {
  constructor(
    private readonly writer: StoryWriter,
    private readonly createStories: CreateStoryHandler,
  ) {}

  @Mutation(() => [Story], { description: 'Creates every story of a user_stories.md document, all or none.' })
  async importStoriesMarkdown(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('markdown') markdown: string,
  ): Promise<StoryView[]> {
    // Access first: a document with no story must not answer [] to a caller who may not import.
    await this.writer.assertWritable(context, projectId);
    const parsed = parseStoriesMarkdown(markdown);
    if (parsed.length > MAX_IMPORTED_STORIES)
      throw new ValidationError(
        `the document holds ${parsed.length} stories; one import takes at most ${MAX_IMPORTED_STORIES}`,
        [{ field: 'markdown', message: `at most ${MAX_IMPORTED_STORIES} stories per import` }],
      );
    const stories = await this.createStories.create(
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
