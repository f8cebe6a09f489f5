import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventMetadata } from '@app/domain';
import type { RequestContext, SqlExecutor } from '@app/platform';
import { authorize, NotFoundError, ProjectArchivedError, ValidationError } from '@app/domain';
import {
  CommandHandler,
  PostgresEventStore,
  sqlStateOf,
  withUnitOfWork,
  EventBusLifecycle,
} from '@app/platform';
import { findProjectRecord } from '../persistence/project.records';
import { findStoryRecord, saveStoryRecord } from '../persistence/story.records';
import type { StoryCommand } from '../story/story.commands';
import { storyDecider } from '../story/story.decider';
import type { StoryEvent } from '../story/story.events';
import type { Story, StoryState } from '../story/story.state';
import { storyStreamId } from '../story/story.stream';

type CommandWithoutTime = StoryCommand extends infer C
  ? C extends StoryCommand
    ? Omit<C, 'at'>
    : never
  : never;

/**
 * Runs story commands: authorize against the story's project, load the stream, decide, append
 * with the expected version, and update the `stories` read model — all in one transaction, so the
 * unique-title index decides races between concurrent writers.
 */
@Injectable()
export class StoryCommandService {
  private readonly handler: CommandHandler<StoryCommand, StoryState, StoryEvent>;

  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
  ) {
    this.handler = new CommandHandler(store, storyDecider);
  }

  /** Creates stories (one or many, atomically) in a project the caller may write to. */
  async create(context: RequestContext, commands: readonly CommandWithoutTime[]): Promise<Story[]> {
    const created = await this.run(async (sql) => {
      const stories: Story[] = [];
      for (const command of commands) {
        if (command.type !== 'CreateStory') throw new Error('create() only takes CreateStory commands');
        authorize(context.identity, command.projectId, 'write');
        const project = await findProjectRecord(sql.manager, command.projectId);
        if (!project) throw new NotFoundError('project', command.projectId);
        if (project.archived) throw new ProjectArchivedError(command.projectId);
        stories.push(await this.apply(sql, context, command, command.projectId, undefined));
      }
      return stories;
    }, true);
    this.bus.poke();
    return created;
  }

  /** Any other command on an existing story; `expectedVersion` pins the version the caller read. */
  async execute(
    context: RequestContext,
    command: Exclude<CommandWithoutTime, { type: 'CreateStory' }>,
    expectedVersion?: number,
  ): Promise<Story> {
    const story = await this.run(async (sql) => {
      const row = await findStoryRecord(sql.manager, command.storyId);
      if (!row || row.deleted) throw new NotFoundError('story', command.storyId);
      authorize(context.identity, row.projectId, 'write', { what: 'story', id: command.storyId });
      if ((await findProjectRecord(sql.manager, row.projectId))?.archived)
        throw new ProjectArchivedError(row.projectId);
      return this.apply(sql, context, command, row.projectId, expectedVersion);
    }, expectedVersion === undefined);
    this.bus.poke();
    return story;
  }

  private async apply(
    sql: SqlExecutor,
    context: RequestContext,
    command: CommandWithoutTime,
    projectId: string,
    expectedVersion: number | undefined,
  ): Promise<Story> {
    const metadata: EventMetadata = {
      projectId,
      actor: context.identity.actor,
      correlationId: context.correlationId,
    };
    const result = await this.handler.handle(
      storyStreamId(command.storyId),
      { ...command, at: new Date().toISOString() },
      { sql, metadata, expectedVersion },
    );
    if (!result.state) throw new NotFoundError('story', command.storyId);
    if (result.events.length > 0) await saveStoryRecord(sql.manager, result.state);
    return result.state;
  }

  private async run<T>(work: (sql: SqlExecutor) => Promise<T>, retryOnConflict: boolean): Promise<T> {
    try {
      return await withUnitOfWork(this.dataSource, work, { retryOnConflict });
    } catch (error) {
      if (
        sqlStateOf(error) === '23505' &&
        String((error as { driverError?: { constraint?: string } }).driverError?.constraint) ===
          'stories_unique_title'
      ) {
        throw new ValidationError('a story with this title already exists in the project', [
          { field: 'title', message: 'must be unique within the project' },
        ]);
      }
      throw error;
    }
  }
}
