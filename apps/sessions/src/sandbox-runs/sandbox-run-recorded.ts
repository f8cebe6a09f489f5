import type { SandboxRunRecorded } from '@app/domain';
import { executedTests } from '../sandbox/sandbox-outcome';
import type { SandboxResult } from '../sandbox/sandbox.port';
import { sha256Of } from '../workspace/blob-store';
import { isTestPath } from '../session/test-paths';
import { testNamesIn } from '../session/test-alignment';
import { testSourceHashes } from './test-source-hashes';
import type { CallerContext } from '../clients/subgraph-client';
import type { WorkspaceFile } from '../sandbox/sandbox.port';
import type { WorkspaceWriter } from '../workspace/workspace.events';

/** One run to make and record. */
export interface RunToRecord {
  readonly caller: CallerContext;
  readonly projectId: string;
  readonly componentId: string;
  /** Its name: which missing module is its own implementation (red) and which is not (no evidence). */
  readonly componentName: string;
  readonly files: readonly WorkspaceFile[];
  /** The test command; the project's, else `node --test`. */
  readonly command?: string | null;
  readonly purpose: SandboxRunRecorded['data']['purpose'];
  readonly sessionId?: string | null;
  /** Who writes the files into the workspace (a manual run by default). */
  readonly writer?: WorkspaceWriter;
  readonly runId?: string;
  /** The component's accepted design version (null: none, the run is no evidence); left out by sessions. */
  readonly designVersion?: number | null;
}

const MAX_TEST_MESSAGE = 2_000;

/** The public fact of a finished run: its outcome, every test (messages cut), the files and the output blob. */
export function runRecorded(run: {
  readonly input: RunToRecord;
  readonly runId: string;
  readonly argv: readonly string[];
  readonly image: string;
  readonly result: SandboxResult;
  readonly workspaceVersion: number;
  readonly recordedAt: string;
}): SandboxRunRecorded {
  const { input, result } = run;
  const counts = executedTests(result.tests);
  return {
    type: 'SandboxRunRecorded',
    data: {
      runId: run.runId,
      projectId: input.projectId,
      componentId: input.componentId,
      purpose: input.purpose,
      outcome: result.outcome,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      testsPassed: counts.passed,
      testsFailed: counts.failed,
      recordedAt: run.recordedAt,
      sessionId: input.sessionId ?? null,
      driver: result.driver,
      argv: [...run.argv],
      image: run.image,
      workspaceVersion: run.workspaceVersion,
      ...(input.designVersion === undefined ? {} : { designVersion: input.designVersion }),
      files: input.files.map((f) => ({
        path: f.path,
        sha256: sha256Of(f.content),
        ...(isTestPath(f.path)
          ? { tests: testNamesIn(f.content), testHashes: testSourceHashes(f.path, f.content) }
          : {}),
      })),
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
}
