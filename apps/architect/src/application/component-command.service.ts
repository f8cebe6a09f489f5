import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext, SqlExecutor } from '@app/platform';
import { canRead, isUuid, NotFoundError, ValidationError } from '@app/domain';
import { ProjectCopy } from '../reactions/project-copy.entity';
import { StoryCopy } from '../reactions/story-copy.entity';
import {
  assertProjectWritable,
  dataSourceExecutor,
  EventBusLifecycle,
  PostgresEventStore,
  withUnitOfWork,
} from '@app/platform';
import type {
  ArchitectureCommand,
  DeleteComponent,
  DescribeComponent,
  RenameComponent,
} from '../architecture/architecture.commands';
import type { DesignSubmitted } from '../design/design.events';
import { designStreamId } from '../design/design.events';
import type { ArchitectureState } from '../architecture/architecture.state';
import { isComponentKind } from '../component/component-kind';
import { ArchitectureRepository } from './architecture.repository';
import { awaitCopy } from './await-copy';
import { RunningSession } from '../running-sessions/running-session.entity';
import { authorizeProject, visibleComponent } from './project-access';

type WithoutTime<C> = C extends ArchitectureCommand ? Omit<C, 'at'> : never;

/** Changes to a project's architecture: components, story links, dependencies. */
@Injectable()
export class ComponentCommandService {
  private readonly repository: ArchitectureRepository;
  private readonly sql: SqlExecutor;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
  ) {
    this.repository = new ArchitectureRepository(store);
    this.sql = dataSourceExecutor(dataSource);
  }

  async createComponent(
    context: RequestContext,
    input: { projectId: string; parentId: string | null; name: string; kind: string; description: string },
  ): Promise<{ componentId: string; state: ArchitectureState }> {
    authorizeProject(context.identity, input.projectId, 'write');
    if (!isComponentKind(input.kind)) {
      throw new ValidationError(`unknown component type "${input.kind}"`, [
        {
          field: 'type',
          message:
            'must be one of context, coordination_context, schema, repository, module, ui, task, other',
        },
      ]);
    }
    await this.requireProject(input.projectId);
    const componentId = randomUUID();
    const state = await this.run(context, input.projectId, {
      type: 'CreateComponent',
      componentId,
      projectId: input.projectId,
      parentId: input.parentId,
      name: input.name,
      kind: input.kind,
      description: input.description,
    });
    return { componentId, state };
  }

  async linkStory(
    context: RequestContext,
    storyId: string,
    componentId: string,
    replace = false,
  ): Promise<ArchitectureState> {
    const component = await visibleComponent(this.sql, context.identity, componentId, 'write');
    const story = await awaitCopy(async () => {
      if (!isUuid(storyId)) return undefined;
      return (await this.sql.manager.findOneBy(StoryCopy, { storyId, deleted: false })) ?? undefined;
    }, this.caughtUp);
    // A story the caller cannot see is reported exactly as an unknown one.
    if (!story || !canRead(context.identity, story.projectId)) throw new NotFoundError('story', storyId);
    return this.run(context, component.projectId, {
      type: 'MapStoryToComponent',
      storyId,
      storyProjectId: story.projectId,
      storyTitle: story.title,
      componentId,
      replace,
    });
  }

  async unlinkStory(
    context: RequestContext,
    storyId: string,
    componentId: string,
  ): Promise<ArchitectureState> {
    const component = await visibleComponent(this.sql, context.identity, componentId, 'write');
    const story = isUuid(storyId) ? await this.sql.manager.findOneBy(StoryCopy, { storyId }) : null;
    return this.run(context, component.projectId, {
      type: 'UnmapStoryFromComponent',
      storyId,
      componentId,
      ...(story ? { storyTitle: story.title } : {}),
    });
  }

  async addDependency(context: RequestContext, fromId: string, toId: string): Promise<ArchitectureState> {
    const from = await visibleComponent(this.sql, context.identity, fromId, 'write');
    const to = await visibleComponent(this.sql, context.identity, toId, 'read');
    if (from.projectId !== to.projectId)
      throw new ValidationError('a dependency cannot cross projects', [
        { field: 'toId', message: 'must be in the same project' },
      ]);
    return this.run(context, from.projectId, { type: 'AddDependency', fromId, toId });
  }

  async removeDependency(context: RequestContext, fromId: string, toId: string): Promise<ArchitectureState> {
    const from = await visibleComponent(this.sql, context.identity, fromId, 'write');
    return this.run(context, from.projectId, { type: 'RemoveDependency', fromId, toId });
  }

  /** Renames, describes or deletes a component the caller may write to. */
  async change(
    context: RequestContext,
    command: WithoutTime<RenameComponent | DescribeComponent | DeleteComponent>,
  ): Promise<ArchitectureState> {
    const target = await visibleComponent(this.sql, context.identity, command.componentId, 'write');
    if (command.type !== 'DeleteComponent') return this.run(context, target.projectId, command);
    const running = await this.sql.manager.find(RunningSession, {
      where: { componentId: command.componentId },
      order: { startedAt: 'ASC' },
    });
    return this.run(context, target.projectId, {
      ...command,
      runningSessions: running.map(({ sessionId, sessionType }) => ({ sessionId, sessionType })),
    });
  }

  /** Creates a component that the context's accepted design proposes (an H3 under Components that is not a component yet). */
  async acceptProposedComponent(
    context: RequestContext,
    contextId: string,
    name: string,
  ): Promise<{ componentId: string; state: ArchitectureState }> {
    const target = await visibleComponent(this.sql, context.identity, contextId, 'write');
    const designs = await this.store.readStream<DesignSubmitted>(designStreamId(contextId));
    const accepted = [...designs].reverse().find((design) => design.data.valid);
    const proposed = accepted?.data.proposedComponents ?? [];
    if (!proposed.includes(name.trim()))
      throw new ValidationError(
        accepted
          ? `the accepted design of ${target.name} does not propose "${name}"; it proposes ${proposed.length > 0 ? proposed.join(', ') : 'nothing'}`
          : `${target.name} has no accepted design to propose components`,
        [{ field: 'name', message: 'must be a component the accepted design proposes' }],
      );
    return this.createComponent(context, {
      projectId: target.projectId,
      parentId: contextId,
      name: name.trim(),
      kind: 'other',
      description: `Proposed by the design of ${target.name} (version ${accepted!.data.version}).`,
    });
  }

  private async requireProject(projectId: string): Promise<void> {
    const found = await awaitCopy(async () => {
      return (await this.sql.manager.existsBy(ProjectCopy, { projectId })) || undefined;
    }, this.caughtUp);
    if (!found) throw new NotFoundError('project', projectId);
  }

  private readonly caughtUp = async (): Promise<boolean> =>
    (await this.bus.lag()).every((partition) => partition.lag === 0);

  private async run(
    context: RequestContext,
    projectId: string,
    command: WithoutTime<ArchitectureCommand>,
  ): Promise<ArchitectureState> {
    const state = await withUnitOfWork(
      this.dataSource,
      async (sql) => {
        await assertProjectWritable(sql, projectId);
        return (
          await this.repository.execute(
            sql,
            projectId,
            { ...command, at: new Date().toISOString() },
            {
              actor: context.identity.actor,
              correlationId: context.correlationId,
            },
          )
        ).state;
      },
      { retryOnConflict: true },
    );
    this.bus.poke();
    return state;
  }
}
