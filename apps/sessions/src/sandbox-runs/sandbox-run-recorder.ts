import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SandboxRunRecorded } from '@app/domain';
import type { RecordedState, RecordFact } from '@app/domain';
import { isRedRun, recordOnceDecider } from '@app/domain';
import { CommandHandler, EventBusLifecycle, inTransaction, PostgresEventStore } from '@app/platform';
import type { CallerContext } from '../clients/subgraph-client';
import { SandboxProvider } from '../sandbox/sandbox-provider';
import { executedTests } from '../sandbox/sandbox-outcome';
import type { SandboxResult, WorkspaceFile } from '../sandbox/sandbox.port';
import { testArgv } from '../sandbox/test-command';
import type { SessionsConfig } from '../sessions-config';
import { SESSIONS_CONFIG } from '../sessions-config.token';
import { sha256Of } from '../workspace/blob-store';
import type { WorkspaceWriter } from '../workspace/workspace.events';
import { WorkspaceService } from '../workspace/workspace.service';
import { ProjectSettingsService } from '../project-settings/project-settings.service';
import { sandboxRunStreamId } from './sandbox-run.stream';

export interface RunToRecord {
  readonly caller: CallerContext;
  readonly projectId: string;
  readonly componentId: string;
  readonly files: readonly WorkspaceFile[];
  /** The test command; the project's, else `node --test`. */
  readonly command?: string | null;
  readonly purpose: SandboxRunRecorded['data']['purpose'];
  readonly sessionId?: string | null;
  /** Who writes the files into the workspace (a manual run by default). */
  readonly writer?: WorkspaceWriter;
  readonly runId?: string;
}

export interface RecordedRun {
  readonly event: SandboxRunRecorded;
  readonly result: SandboxResult;
}

const MAX_TEST_MESSAGE = 2_000;

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
    this.sandbox.assertAvailable();
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
    const result = await this.sandbox.run({
      runId,
      files: input.files,
      argv,
      image,
      limits: this.config.sandbox.limits,
    });
    const counts = executedTests(result.tests);
    const event: SandboxRunRecorded = {
      type: 'SandboxRunRecorded',
      data: {
        runId,
        projectId: input.projectId,
        componentId: input.componentId,
        purpose: input.purpose,
        outcome: result.outcome,
        exitCode: result.exitCode,
        durationMs: result.durationMs,
        testsPassed: counts.passed,
        testsFailed: counts.failed,
        recordedAt: new Date().toISOString(),
        sessionId: input.sessionId ?? null,
        driver: result.driver,
        argv,
        image,
        workspaceVersion: written.version,
        files: input.files.map((f) => ({ path: f.path, sha256: sha256Of(f.content) })),
        tests: result.tests.map((t) => ({
          name: t.name,
          status: t.status,
          message:
            t.message && t.message.length > MAX_TEST_MESSAGE
              ? `${t.message.slice(0, MAX_TEST_MESSAGE)}…`
              : t.message,
          failureKind: t.failureKind,
          durationMs: t.durationMs,
        })),
        outputSha256: sha256Of(result.output),
        outputBytes: Buffer.byteLength(result.output),
        outputTruncated: result.outputTruncated,
        killedBy: result.killedBy,
        oomKilled: result.oomKilled,
        error: result.error,
      },
    };
    await inTransaction(this.dataSource, async (sql) => {
      await this.workspaces.putBlob(result.output, sql);
      await this.runs.handle(sandboxRunStreamId(runId), { type: 'RecordFact', event }, { metadata, sql });
      await sql.query(
        `INSERT INTO sandbox_runs (run_id, project_id, component_id, session_id, purpose, outcome, red, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          runId,
          input.projectId,
          input.componentId,
          input.sessionId ?? null,
          input.purpose,
          result.outcome,
          isRedRun(event.data),
          event.data.recordedAt,
        ],
      );
    });
    this.bus.poke();
    return { event, result };
  }
}
