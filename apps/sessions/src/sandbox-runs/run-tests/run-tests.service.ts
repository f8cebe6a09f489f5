import type { SandboxRunRecorded, StoredEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { authorize, canRead, isUuid, NotFoundError } from '@app/domain';
import { PostgresEventStore } from '@app/platform';
import { ArchitectClient } from '../../clients/architect-client';
import { validateWorkspaceFiles } from '../../sandbox/workspace-paths';
import { splitCommand } from '../../sandbox/test-command';
import { SandboxProvider } from '../../sandbox/sandbox-provider';
import { SandboxRunRecorder } from '../sandbox-run-recorder';
import { sandboxRunStreamId } from '../sandbox-run.stream';
import { WritableProjects } from '../../projects/writable-projects';
import { SandboxRunListing } from '../sandbox-run-listing.entity';

export interface RunTestsCommand {
  readonly projectId: string;
  readonly componentId: string;
  readonly files: readonly { path: string; content: string }[];
  readonly command?: string | null;
}

/** A recorded run as stored: its one SandboxRunRecorded event. */
export type StoredRun = StoredEvent<SandboxRunRecorded>;

/** Manual mode: a person's files run in the sandbox; the run is recorded as evidence. */
@Injectable()
export class RunTestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly recorder: SandboxRunRecorder,
    private readonly architect: ArchitectClient,
    private readonly sandbox: SandboxProvider,
    private readonly projects: WritableProjects,
  ) {}

  async runTests(context: RequestContext, command: RunTestsCommand): Promise<StoredRun> {
    if (!isUuid(command.projectId)) throw new NotFoundError('project', command.projectId);
    authorize(context.identity, command.projectId, 'write');
    await this.projects.assert(command.projectId);
    const files = validateWorkspaceFiles(command.files);
    if (command.command) splitCommand(command.command);
    this.sandbox.assertAvailable();
    const component = await this.architect.component(context, command.componentId);
    if (component.projectId !== command.projectId) throw new NotFoundError('component', command.componentId);
    const { event } = await this.recorder.run({
      caller: context,
      projectId: command.projectId,
      componentId: command.componentId,
      files,
      command: command.command,
      purpose: 'MANUAL',
      designVersion: component.acceptedDesignVersion,
    });
    const [stored] = await this.store.readStream<SandboxRunRecorded>(sandboxRunStreamId(event.data.runId));
    return stored;
  }

  async run(context: RequestContext, runId: string): Promise<StoredRun> {
    const events = isUuid(runId)
      ? await this.store.readStream<SandboxRunRecorded>(sandboxRunStreamId(runId))
      : [];
    const run = events[0];
    if (!run || !canRead(context.identity, run.data.projectId)) throw new NotFoundError('sandbox run', runId);
    return run;
  }

  async runs(context: RequestContext, componentId: string, first: number): Promise<StoredRun[]> {
    if (!isUuid(componentId)) throw new NotFoundError('component', componentId);
    const listings = await this.dataSource.manager.find(SandboxRunListing, {
      where: { componentId },
      order: { recordedAt: 'DESC' },
      take: Math.min(Math.max(first, 1), 100),
    });
    const visible = listings.filter((listing) => canRead(context.identity, listing.projectId));
    return Promise.all(visible.map((listing) => this.run(context, listing.runId)));
  }
}
