import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { authorize, isUuid, NotFoundError, ValidationError } from '@app/domain';
import { CommandHandler, PostgresEventStore, withUnitOfWork, writeEntity } from '@app/platform';
import type { ConfigureProjectSandbox, ProjectSettingsState } from './project-settings.decider';
import { projectSettingsDecider } from './project-settings.decider';
import type { ProjectSettingsEvent } from './project-settings.events';
import { projectSettingsStreamId } from './project-settings.events';
import { WritableProjects } from '../projects/writable-projects';
import { splitCommand } from '../sandbox/test-command';
import { ProjectSettingsRecord } from './project-settings.entity';

export interface ProjectSandboxSettings {
  readonly projectId: string;
  /** null: the deployment's SANDBOX_IMAGE. */
  readonly image: string | null;
  /** null: `node --test`. */
  readonly testCommand: string | null;
  readonly version: number;
}

const IMAGE_NAME = /^[a-z0-9][\w./:@-]{0,254}$/i;

/** Per project: which image runs its tests and with which command (`project-sandbox-<id>` stream). */
@Injectable()
export class ProjectSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly projects: WritableProjects,
  ) {
    this.handler = new CommandHandler(store, projectSettingsDecider);
  }

  private readonly handler: CommandHandler<
    ConfigureProjectSandbox,
    ProjectSettingsState,
    ProjectSettingsEvent
  >;

  async get(projectId: string): Promise<ProjectSandboxSettings> {
    const row = await this.dataSource.manager.findOneBy(ProjectSettingsRecord, { projectId });
    return {
      projectId,
      image: row?.image ?? null,
      testCommand: row?.testCommand ?? null,
      version: row?.version ?? 0,
    };
  }

  async configure(
    context: RequestContext,
    projectId: string,
    image: string | null,
    testCommand: string | null,
  ): Promise<ProjectSandboxSettings> {
    if (!isUuid(projectId)) throw new NotFoundError('project', projectId);
    authorize(context.identity, projectId, 'write');
    await this.projects.assert(projectId);
    const problems: { field: string; message: string }[] = [];
    if (image !== null && !IMAGE_NAME.test(image))
      problems.push({ field: 'image', message: 'is not an image name' });
    if (testCommand !== null) {
      try {
        splitCommand(testCommand);
      } catch (error) {
        problems.push({ field: 'testCommand', message: (error as Error).message });
      }
    }
    if (problems.length > 0) throw new ValidationError('the sandbox settings are invalid', problems);
    await withUnitOfWork(
      this.dataSource,
      async (sql) => {
        const { events, version } = await this.handler.handle(
          projectSettingsStreamId(projectId),
          { type: 'ConfigureProjectSandbox', image, testCommand, at: new Date().toISOString() },
          {
            sql,
            metadata: { projectId, actor: context.identity.actor, correlationId: context.correlationId },
          },
        );
        if (events.length === 0) return;
        await writeEntity(
          sql.manager,
          ProjectSettingsRecord,
          { projectId, image, testCommand, version },
          'update',
        );
      },
      { retryOnConflict: true },
    );
    return this.get(projectId);
  }
}
