import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
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
import {
  findStoryRecord,
  saveStoryRecord,
  storiesWithUnreferencedCriteria,
} from '../persistence/story.records';
import { allocateCriterionRefs } from '../persistence/criterion-ref-allocator';
import type { AddAcceptanceCriterion } from '../story/add-acceptance-criterion/add-acceptance-criterion.command';
import type { CreateStory } from '../story/create-story/create-story.command';
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

/** A new story as callers ask for it: a criterion carries a reference only when one is wanted (an import keeps its own). */
export type CreateStoryRequest = Omit<CreateStory, 'at' | 'acceptanceCriteria'> & {
  readonly acceptanceCriteria: readonly {
    readonly id: string;
    readonly description: string;
    readonly wantedRef?: string;
  }[];
};

/** A change to an existing story; a new criterion's reference is issued here. */
export type StoryChangeRequest =
  | Exclude<CommandWithoutTime, { type: 'CreateStory' | 'AddAcceptanceCriterion' }>
  | Omit<AddAcceptanceCriterion, 'at' | 'ref'>;

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

  async create(context: RequestContext, requests: readonly CreateStoryRequest[]): Promise<Story[]> {
    const created = await this.run(async (sql) => {
      const stories: Story[] = [];
      for (const request of requests) {
        await this.assertWritable(context, request.projectId, sql.manager);
        const criteria = request.acceptanceCriteria;
        const refs = await allocateCriterionRefs(
          sql.manager,
          request.projectId,
          criteria.map((c) => c.wantedRef),
        );
        const command: Omit<CreateStory, 'at'> = {
          ...request,
          acceptanceCriteria: criteria.map((c, i) => ({
            id: c.id,
            ref: refs[i],
            description: c.description,
          })),
        };
        stories.push(await this.apply(sql, context, command, request.projectId, undefined));
      }
      return stories;
    }, true);
    this.bus.poke();
    return created;
  }

  /** Any other command on an existing story; `expectedVersion` pins the version the caller read. */
  async execute(
    context: RequestContext,
    request: StoryChangeRequest,
    expectedVersion?: number,
  ): Promise<Story> {
    const story = await this.run(async (sql) => {
      const row = await findStoryRecord(sql.manager, request.storyId);
      if (!row || row.deleted) throw new NotFoundError('story', request.storyId);
      authorize(context.identity, row.projectId, 'write', { what: 'story', id: request.storyId });
      if ((await findProjectRecord(sql.manager, row.projectId))?.archived)
        throw new ProjectArchivedError(row.projectId);
      const command: CommandWithoutTime =
        request.type === 'AddAcceptanceCriterion'
          ? { ...request, ref: (await allocateCriterionRefs(sql.manager, row.projectId, [undefined]))[0] }
          : request;
      return this.apply(sql, context, command, row.projectId, expectedVersion);
    }, expectedVersion === undefined);
    this.bus.poke();
    return story;
  }

  /**
   * Gives each criterion of the project that has no reference (recorded before references existed)
   * the next free one, story by story in the order they were created, one transaction each (a
   * story changed meanwhile is read again). Returns how many criteria got one; run again, it finds none.
   */
  async referenceCriteria(context: RequestContext, projectId: string): Promise<number> {
    await this.assertWritable(context, projectId);
    let given = 0;
    for (const storyId of await storiesWithUnreferencedCriteria(this.dataSource.manager, projectId)) {
      given += await this.run(async (sql) => {
        const row = await findStoryRecord(sql.manager, storyId);
        const missing = (row?.acceptanceCriteria ?? []).filter((c) => !c.ref).map((c) => c.id);
        if (!row || row.deleted || missing.length === 0) return 0;
        const refs = await allocateCriterionRefs(
          sql.manager,
          projectId,
          missing.map(() => undefined),
        );
        const command: CommandWithoutTime = {
          type: 'ReferenceCriteria',
          storyId,
          refs: missing.map((criterionId, i) => ({ criterionId, ref: refs[i] })),
        };
        await this.apply(sql, context, command, projectId, row.version);
        return missing.length;
      }, true);
    }
    if (given > 0) this.bus.poke();
    return given;
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
