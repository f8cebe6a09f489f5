import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { EventMetadata } from '@app/domain';
import type { RequestContext, SqlExecutor } from '@app/platform';
import { authorize, NotFoundError, ProjectArchivedError, ValidationError } from '@app/domain';
import {
  CommandHandler,
  EventBusLifecycle,
  PostgresEventStore,
  sqlStateOf,
  withUnitOfWork,
} from '@app/platform';
import { findProjectRecord } from '../persistence/project.records';
import { findStoryRecord, saveStoryRecord } from '../persistence/story.records';
import { allocateCriterionRefs } from '../persistence/criterion-ref-allocator';
import type { StoryEvent } from '../story/story.events';
import type { Story, StoryState } from '../story/story.state';
import { storyStreamId } from '../story/story.stream';
import type { AddAcceptanceCriterion } from './add-acceptance-criterion/add-acceptance-criterion.command';
import type { StoryCommand } from './story.commands';
import { storyDecider } from './story.decider';

/** A story command as callers give it: the time is the writer's. */
export type StoryCommandWithoutTime = StoryCommand extends infer C
  ? C extends StoryCommand
    ? Omit<C, 'at'>
    : never
  : never;

/** A change to an existing story; a new criterion's reference is issued here. */
export type StoryChangeRequest =
  | Exclude<StoryCommandWithoutTime, { type: 'CreateStory' | 'AddAcceptanceCriterion' }>
  | Omit<AddAcceptanceCriterion, 'at' | 'ref'>;

/**
 * The one write path of story streams: authorize against the story's project, load the stream,
 * decide, append with the expected version, and update the `stories` read model, all in one
 * transaction, so the unique-title index decides races between concurrent writers.
 */
@Injectable()
export class StoryWriter {
  private readonly handler: CommandHandler<StoryCommand, StoryState, StoryEvent>;

  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
  ) {
    this.handler = new CommandHandler(store, storyDecider);
  }

  /**
   * Refuses, before any input is looked at, a caller who may not change the project (FORBIDDEN, or
   * NOT_FOUND for another project's token, as for an unknown id) and an archived project.
   */
  async assertWritable(
    context: RequestContext,
    projectId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    authorize(context.identity, projectId, 'write');
    const project = await findProjectRecord(manager, projectId);
    if (!project) throw new NotFoundError('project', projectId);
    if (project.archived) throw new ProjectArchivedError(projectId);
  }

  /** Any command on an existing story; `expectedVersion` pins the version the caller read. */
  async execute(
    context: RequestContext,
    request: StoryChangeRequest,
    expectedVersion?: number,
  ): Promise<Story> {
    return this.transaction(async (sql) => {
      const row = await findStoryRecord(sql.manager, request.storyId);
      if (!row || row.deleted) throw new NotFoundError('story', request.storyId);
      authorize(context.identity, row.projectId, 'write', { what: 'story', id: request.storyId });
      if ((await findProjectRecord(sql.manager, row.projectId))?.archived)
        throw new ProjectArchivedError(row.projectId);
      const command: StoryCommandWithoutTime =
        request.type === 'AddAcceptanceCriterion'
          ? { ...request, ref: (await allocateCriterionRefs(sql.manager, row.projectId, [undefined]))[0] }
          : request;
      return this.apply(sql, context, command, row.projectId, expectedVersion);
    }, expectedVersion === undefined);
  }

  /** Decides one command inside the caller's transaction and keeps the read model in step. */
  async apply(
    sql: SqlExecutor,
    context: RequestContext,
    command: StoryCommandWithoutTime,
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

  /**
   * One unit of work (retried on a version conflict when asked); a second story with the same
   * title in the project is a VALIDATION error; the bus is woken once it committed.
   */
  async transaction<T>(work: (sql: SqlExecutor) => Promise<T>, retryOnConflict: boolean): Promise<T> {
    try {
      const result = await withUnitOfWork(this.dataSource, work, { retryOnConflict });
      this.bus.poke();
      return result;
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
