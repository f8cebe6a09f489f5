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
  /** The driver saw the run's disk quota (nearly) full at its end. */
  readonly diskFull: boolean;
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
  const diskFull = run.diskFull || toldNoSpace(run.output) || tests.some((t) => toldNoSpace(t.message ?? ''));
  return {
    runId: run.runId,
    driver: run.driver,
    outcome: classifyOutcome({
      runnerError: run.runnerError,
      killedBy: run.killedBy,
      oomKilled: run.oomKilled,
      diskFull,
      exitCode: run.exitCode,
      tests,
    }),
    exitCode: run.exitCode,
    durationMs: Math.max(0, Math.round(run.finishedAt - run.startedAt)),
    output: run.output,
    outputTruncated: run.outputTruncated,
    killedBy: run.killedBy,
    oomKilled: run.oomKilled,
    diskFull,
    tests,
    artifacts: run.artifacts,
    skippedArtifacts: run.skippedArtifacts,
    error: run.runnerError,
  };
}

/** What a full file system answers a write with (node, libc, Python, Java…). */
function toldNoSpace(text: string): boolean {
  return /\bENOSPC\b|no space left on device|EDQUOT|disk quota exceeded/i.test(text);
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
    diskFull: false,
    output: '',
    outputTruncated: false,
    report: null,
    artifacts: [],
    skippedArtifacts: [],
    runnerError: `${driver} sandbox: ${error instanceof Error ? error.message : String(error)}`,
  });
}
