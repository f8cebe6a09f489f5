import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxRunRecorded } from '@app/domain';
import type { RecordedState, RecordFact } from '@app/domain';
import { isRedRun, recordOnceDecider } from '@app/domain';
import {
  CommandHandler,
  EventBusLifecycle,
  PostgresEventStore,
  withUnitOfWork,
  writeEntity,
} from '@app/platform';
import { SandboxProvider } from '../sandbox/sandbox-provider';
import type { SandboxResult } from '../sandbox/sandbox.port';
import { testArgv } from '../sandbox/test-command';
import type { SessionsConfig } from '../sessions-config';
import { SESSIONS_CONFIG } from '../sessions-config';
import { WorkspaceService } from '../workspace/workspace.service';
import { ProjectSettingsService } from '../project-settings/project-settings.service';
import type { RunToRecord } from './sandbox-run-recorded';
import { runRecorded } from './sandbox-run-recorded';
import { classifyMissingModules } from './missing-module';
import { sandboxRunStreamId } from './sandbox-run.stream';
import { SandboxRunListing } from './sandbox-run-listing.entity';

export type { RunToRecord } from './sandbox-run-recorded';

export interface RecordedRun {
  readonly event: SandboxRunRecorded;
  readonly result: SandboxResult;
}

/**
 * One sandbox run, recorded: the files become a workspace version, the run happens under the
 * deployment's limits, and a `SandboxRunRecorded` event (public: the architect derives red and
 * green evidence from it) names the outcome, every test, the files and the output blob.
 */
@Injectable()
export class SandboxRunRecorder {
  private readonly runs: CommandHandler<RecordFact<SandboxRunRecorded>, RecordedState, SandboxRunRecorded>;

  constructor(
    private readonly dataSource: DataSource,
    store: PostgresEventStore,
    private readonly bus: EventBusLifecycle,
    private readonly sandbox: SandboxProvider,
    private readonly workspaces: WorkspaceService,
    private readonly settings: ProjectSettingsService,
    @Inject(SESSIONS_CONFIG) private readonly config: SessionsConfig,
  ) {
    this.runs = new CommandHandler(store, recordOnceDecider<SandboxRunRecorded>('sandbox run'));
  }

  async run(input: RunToRecord): Promise<RecordedRun> {
    await this.sandbox.available();
    const runId = input.runId ?? randomUUID();
    const project = await this.settings.get(input.projectId);
    const command = input.command?.trim() || project.testCommand || undefined;
    const { argv } = testArgv(command);
    const image = project.image ?? this.config.sandbox.image;
    const metadata = {
      projectId: input.projectId,
      actor: input.caller.identity.actor,
      correlationId: input.caller.correlationId,
    };
    const written = await this.workspaces.write(
      input.projectId,
      input.files,
      input.writer ?? { kind: 'manual', runId },
      metadata,
    );
    const raw = await this.sandbox.run({
      runId,
      files: input.files,
      argv,
      image,
      limits: this.config.sandbox.limits,
    });
    const result = { ...raw, tests: classifyMissingModules(raw.tests, input.componentName) };
    const event = runRecorded({
      input,
      runId,
      argv,
      image,
      result,
      workspaceVersion: written.version,
      recordedAt: new Date().toISOString(),
    });
    await withUnitOfWork(
      this.dataSource,
      async (sql) => {
        await this.workspaces.putBlob(result.output, sql);
        await this.runs.handle(sandboxRunStreamId(runId), { type: 'RecordFact', event }, { metadata, sql });
        const listing: SandboxRunListing = {
          runId,
          projectId: input.projectId,
          componentId: input.componentId,
          sessionId: input.sessionId ?? null,
          purpose: input.purpose,
          outcome: result.outcome,
          red: isRedRun(event.data),
          recordedAt: new Date(event.data.recordedAt),
        };
        // The run's stream is new (its append fails otherwise), so its listing is too.
        await writeEntity(sql.manager, SandboxRunListing, listing, 'ignore');
      },
      { retryOnConflict: false },
    );
    this.bus.poke();
    return { event, result };
  }
}
