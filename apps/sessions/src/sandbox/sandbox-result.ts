import { parseTapReport } from './report/tap-report';
import { classifyOutcome } from './sandbox-outcome';
import type { SandboxArtifact, SandboxDriverName, SandboxResult } from './sandbox.port';

export interface FinishedRun {
  readonly runId: string;
  readonly driver: SandboxDriverName;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly exitCode: number | null;
  readonly killedBy: 'timeout' | 'output_limit' | null;
  readonly oomKilled: boolean;
  readonly output: string;
  readonly outputTruncated: boolean;
  /** The TAP report file's text, or null when the command wrote none. */
  readonly report: string | null;
  readonly artifacts: readonly SandboxArtifact[];
  readonly skippedArtifacts: readonly { path: string; reason: string }[];
  readonly runnerError: string | null;
}

/** Per-test results and the one outcome, the same way for every driver. */
export function sandboxResult(run: FinishedRun): SandboxResult {
  const reportText = run.report ?? (/^TAP version \d+/m.test(run.output) ? run.output : '');
  const tests = parseTapReport(reportText);
  return {
    runId: run.runId,
    driver: run.driver,
    outcome: classifyOutcome({
      runnerError: run.runnerError,
      killedBy: run.killedBy,
      oomKilled: run.oomKilled,
      exitCode: run.exitCode,
      tests,
    }),
    exitCode: run.exitCode,
    durationMs: Math.max(0, Math.round(run.finishedAt - run.startedAt)),
    output: run.output,
    outputTruncated: run.outputTruncated,
    killedBy: run.killedBy,
    oomKilled: run.oomKilled,
    tests,
    artifacts: run.artifacts,
    skippedArtifacts: run.skippedArtifacts,
    error: run.runnerError,
  };
}

/** The result of a run the runner itself could not carry out (ERROR, with the reason). */
export function runnerFailure(
  runId: string,
  driver: SandboxDriverName,
  startedAt: number,
  error: unknown,
): SandboxResult {
  return sandboxResult({
    runId,
    driver,
    startedAt,
    finishedAt: performance.now(),
    exitCode: null,
    killedBy: null,
    oomKilled: false,
    output: '',
    outputTruncated: false,
    report: null,
    artifacts: [],
    skippedArtifacts: [],
    runnerError: `${driver} sandbox: ${error instanceof Error ? error.message : String(error)}`,
  });
}
