import { randomUUID } from 'node:crypto';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { readStoriesMarkdown, ValidationError } from '@app/domain';
import { CurrentRequest } from '@app/platform';
import type { StoryView } from '../../application/views/story.view';
import { storyFromState } from '../../application/views/story-views';
import { Story } from '../../graphql/story.model';
import { CreateStoryHandler } from '../create-story/create-story.handler';
import { StoryWriter } from '../story-writer';
import { StoryRecord } from '../../persistence/story-record.entity';
import { planImport } from './import-plan';
import { importRefused } from './import-refused';
import { DuplicateTitlesEnum } from './duplicate-titles.enum';

/** The most stories one `importStoriesMarkdown` creates (all or none). */
export const MAX_IMPORTED_STORIES = 10_000;

/** The `importStoriesMarkdown` mutation: a user_stories.md document in, its stories created. */
@Resolver(() => Story)
export class ImportStoriesMarkdownResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: StoryWriter,
    private readonly createStories: CreateStoryHandler,
  ) {}

  @Mutation(() => [Story], {
    description:
      'Creates every story of a user_stories.md document, all or none; a refusal lists every problem (extensions.problems: index, title, line, field, message).',
  })
  async importStoriesMarkdown(
    @CurrentRequest() context: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('markdown') markdown: string,
    @Args('onDuplicateTitle', {
      type: () => DuplicateTitlesEnum,
      defaultValue: DuplicateTitlesEnum.REFUSE,
      description:
        'A title the project or the document already has: REFUSE (the import, naming each) or NUMBER ("<title> (2)", the first number free).',
    })
    onDuplicateTitle: DuplicateTitlesEnum,
  ): Promise<StoryView[]> {
    // Access first: a document with no story must not answer [] to a caller who may not import.
    await this.writer.assertWritable(context, projectId);
    const parsed = readStoriesMarkdown(markdown);
    if (parsed.length > MAX_IMPORTED_STORIES)
      throw new ValidationError(
        `the document holds ${parsed.length} stories; one import takes at most ${MAX_IMPORTED_STORIES}`,
        [{ field: 'markdown', message: `at most ${MAX_IMPORTED_STORIES} stories per import` }],
      );
    const plan = planImport(parsed, await this.projectTitles(projectId), onDuplicateTitle);
    if (plan.problems.length > 0) throw importRefused(plan.problems, parsed.length);
    const stories = await this.createStories.create(
      context,
      parsed.map((story, index) => ({
        type: 'CreateStory' as const,
        storyId: randomUUID(),
        projectId,
        title: plan.titles[index],
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

  /** The titles of the project's stories (not deleted). */
  private async projectTitles(projectId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(StoryRecord, {
      select: { title: true },
      where: { projectId, deleted: false },
    });
    return rows.map((row) => row.title);
  }
}
