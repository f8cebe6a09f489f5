import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { authorize, authorizeSystemAdmin, ForbiddenError, NotFoundError } from '@app/domain';
import { CommandHandler, EventBusLifecycle, PostgresEventStore, withUnitOfWork } from '@app/platform';
import { findProjectRecord, saveProjectRecord } from '../../persistence/project.records';
import type { ProjectCommand } from '../../project/project.commands';
import { projectDecider } from '../../project/project.decider';
import type { ProjectEvent } from '../../project/project.events';
import type { Project, ProjectState } from '../../project/project.state';
import { projectStreamId } from '../../project/project.stream';

type WithoutTime<C> = C extends ProjectCommand ? Omit<C, 'at'> : never;

@Injectable()
export class ProjectCommandService {
  private readonly handler: CommandHandler<ProjectCommand, ProjectState, ProjectEvent>;

  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
  ) {
    this.handler = new CommandHandler(store, projectDecider);
  }

  /**
   * Creating a project is for the admin token (a project token belongs to one project already);
   * archiving and unarchiving are for an ADMIN of the project (or the admin token).
   */
  async execute(context: RequestContext, command: WithoutTime<ProjectCommand>): Promise<Project> {
    if (command.type === 'CreateProject') authorizeSystemAdmin(context.identity);
    else authorize(context.identity, command.projectId, 'write');
    if (
      (command.type === 'ArchiveProject' || command.type === 'UnarchiveProject') &&
      context.identity.role !== 'ADMIN'
    )
      throw new ForbiddenError('only an ADMIN token of the project can archive or unarchive it');
    const project = await withUnitOfWork(
      this.dataSource,
      async (sql) => {
        if (command.type !== 'CreateProject' && !(await findProjectRecord(sql.manager, command.projectId))) {
          throw new NotFoundError('project', command.projectId);
        }
        const result = await this.handler.handle(
          projectStreamId(command.projectId),
          { ...command, at: new Date().toISOString() },
          {
            sql,
            metadata: {
              projectId: command.projectId,
              actor: context.identity.actor,
              correlationId: context.correlationId,
            },
          },
        );
        if (!result.state) throw new NotFoundError('project', command.projectId);
        if (result.events.length > 0) await saveProjectRecord(sql.manager, result.state);
        return result.state;
      },
      { retryOnConflict: true },
    );
    this.bus.poke();
    return project;
  }
}
