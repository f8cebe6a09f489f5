import type { SandboxRunRecorded, StoredEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '@app/platform';
import { authorize, canRead, DomainError, isUuid, NotFoundError, ValidationError } from '@app/domain';
import { isTestPath } from '../../session/test-paths';
import { testNamesIn } from '../../session/test-alignment';
import { alignRun } from './test-alignment-of-run';
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
  /** Refuse the run unless it can count as evidence (see `assertEvidenceBearing`). */
  readonly asEvidence?: boolean;
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
    await this.sandbox.available();
    const component = await this.architect.component(context, command.componentId);
    if (component.projectId !== command.projectId) throw new NotFoundError('component', command.componentId);
    if (command.asEvidence) await this.assertEvidenceBearing(context, component, files);
    const { event } = await this.recorder.run({
      caller: context,
      projectId: command.projectId,
      componentId: command.componentId,
      componentName: component.name,
      files,
      command: command.command,
      purpose: 'MANUAL',
      designVersion: component.acceptedDesignVersion,
    });
    const [stored] = await this.store.readStream<SandboxRunRecorded>(sandboxRunStreamId(event.data.runId));
    return stored;
  }

  /**
   * A run asked for as evidence needs what evidence is measured against: an accepted design, and at
   * least one test in the files named after one of its Test Assertions.
   */
  private async assertEvidenceBearing(
    context: RequestContext,
    component: { id: string; name: string; acceptedDesignVersion: number | null },
    files: readonly { path: string; content: string }[],
  ): Promise<void> {
    const design =
      component.acceptedDesignVersion === null
        ? null
        : await this.architect.acceptedDesign(context, component.id);
    if (!design)
      throw new DomainError(
        'CONFLICT',
        `${component.name} has no accepted design: tests are written from one, so no run can be evidence yet. Submit a design, or run without asEvidence`,
        { componentId: component.id },
      );
    const declared = files.filter((f) => isTestPath(f.path)).flatMap((f) => testNamesIn(f.content));
    const { assertions, missing } = alignRun(design.testAssertions, declared);
    if (assertions.every((a) => a.testName === null))
      throw new ValidationError(
        `none of the tests in the files is named after a Test Assertion of ${component.name}'s design version ${design.version}`,
        [
          {
            field: 'files',
            message: `declare a test named as an assertion reads, e.g. test('${missing[0] ?? 'an assertion'}', …); the design asserts: ${missing.join('; ')}`,
          },
        ],
      );
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
