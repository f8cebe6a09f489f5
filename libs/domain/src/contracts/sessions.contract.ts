/**
 * Public events of the sessions service that other services consume
 * (topic `codemyspec.sessions.sandbox-run.v1`, one stream per run: `sandbox-run-<runId>`).
 * The architect derives test status (red evidence) and code status (green evidence) from them.
 */
export const SESSIONS_SERVICE = 'sessions';
export const SANDBOX_RUN_STREAM = 'sandbox-run';

export type SandboxOutcome = 'PASSED' | 'FAILED' | 'NO_TESTS' | 'TIMEOUT' | 'OOM' | 'OUTPUT_LIMIT' | 'ERROR';

export interface SandboxRunRecorded {
  readonly type: 'SandboxRunRecorded';
  readonly data: {
    readonly runId: string;
    readonly projectId: string;
    readonly componentId: string;
    /** Why it ran: a manual `runTests`, or a session's test or code step. */
    readonly purpose: 'MANUAL' | 'TESTS' | 'CODE';
    readonly outcome: SandboxOutcome;
    readonly exitCode: number | null;
    readonly durationMs: number;
    readonly testsPassed: number;
    readonly testsFailed: number;
    readonly recordedAt: string;
  };
}

/** Red evidence: tests ran and at least one failed (a test written before its code). */
export function isRedRun(run: SandboxRunRecorded['data']): boolean {
  return run.outcome === 'FAILED' && run.testsFailed > 0;
}

/** Green evidence: tests ran and all passed. */
export function isGreenRun(run: SandboxRunRecorded['data']): boolean {
  return run.outcome === 'PASSED' && run.testsPassed > 0 && run.testsFailed === 0;
}
