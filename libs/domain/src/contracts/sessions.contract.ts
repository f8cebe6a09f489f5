/**
 * Public events of the sessions service that other services consume
 * (topic `codemyspec.sessions.sandbox-run.v1`, one stream per run: `sandbox-run-<runId>`).
 * The architect derives test status (red evidence) and code status (green evidence) from them.
 */
export const SESSIONS_SERVICE = 'sessions';
export const SANDBOX_RUN_STREAM = 'sandbox-run';
/** One stream per automated session: `session-<sessionId>` (topic `codemyspec.sessions.session.v1`). */
export const SESSION_STREAM = 'session';

/**
 * An automated session began working on a component (the architect refuses to delete a component
 * while one runs). Its steps stay internal (audit timeline only).
 */
export interface PublicSessionStarted {
  readonly type: 'SessionStarted';
  readonly data: {
    readonly sessionId: string;
    readonly projectId: string;
    readonly componentId: string;
    readonly componentName: string;
    readonly sessionType: string;
    readonly parentId: string | null;
    readonly maxIterations: number;
    readonly budget: { readonly maxLlmCalls: number; readonly maxTokens: number };
    readonly at: string;
  };
}

/** The session of the stream (`session-<sessionId>`) ended well, with a summary. */
export interface PublicSessionSucceeded {
  readonly type: 'SessionSucceeded';
  readonly data: { readonly summary: string; readonly at: string };
}

/** …or failed, saying why. */
export interface PublicSessionFailed {
  readonly type: 'SessionFailed';
  readonly data: { readonly reason: string; readonly at: string };
}

/** …or was cancelled, by whom. */
export interface PublicSessionCancelled {
  readonly type: 'SessionCancelled';
  readonly data: { readonly by: string; readonly at: string };
}

export type PublicSessionEvent =
  PublicSessionStarted | PublicSessionSucceeded | PublicSessionFailed | PublicSessionCancelled;

/** One stream per commit of a project's git record (see `gitCommitStreamId`). */
export const GIT_COMMIT_STREAM = 'git-commit';

/**
 * `git-commit-<uuid>`, the uuid spelled from the commit id's first 32 hex digits (stream ids end in
 * a uuid: that is how their type is told), so the same commit always has the same stream.
 */
export function gitCommitStreamId(commit: string): string {
  const h = commit.toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(h)) throw new Error(`not a commit id: ${commit}`);
  return `${GIT_COMMIT_STREAM}-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The git record committed an artifact (topic `codemyspec.sessions.git-commit.v1`): `docs/user_stories.md`
 * (`STORIES`), an accepted design (`DESIGN`), the tests of a red run (`RED`) or the code of a green
 * one (`GREEN`). The architect links a criterion's green code to it; the timeline shows it.
 */
export interface ArtifactCommitted {
  readonly type: 'ArtifactCommitted';
  readonly data: {
    readonly projectId: string;
    readonly commit: string;
    readonly kind: 'STORIES' | 'DESIGN' | 'RED' | 'GREEN';
    /** The commit's first line. */
    readonly subject: string;
    readonly paths: readonly string[];
    readonly componentId: string | null;
    readonly designVersion: number | null;
    readonly sandboxRunId: string | null;
    readonly sessionId: string | null;
    readonly at: string;
  };
}

/** `session-<id>` → `<id>`. */
export function sessionIdFromStream(streamId: string): string {
  return streamId.slice(SESSION_STREAM.length + 1);
}

export type SandboxOutcome =
  'PASSED' | 'FAILED' | 'NO_TESTS' | 'TIMEOUT' | 'OOM' | 'OUTPUT_LIMIT' | 'DISK_LIMIT' | 'ERROR';

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
    /** Added later (optional): the run's details. */
    readonly sessionId?: string | null;
    readonly driver?: string;
    readonly argv?: readonly string[];
    readonly image?: string;
    /**
     * The component's accepted design version when a person asked for the run; null when it had
     * none (the run is then no evidence). Absent from session runs and older events.
     */
    readonly designVersion?: number | null;
    /** The project workspace version the run's files were recorded as. */
    readonly workspaceVersion?: number;
    /**
     * `tests` (added later): the names a test file declares (string-literal `test(…)`/`it(…)`), so
     * a file that failed before its tests ran (a missing module) still names the tests it holds.
     */
    readonly files?: readonly {
      readonly path: string;
      readonly sha256: string;
      readonly tests?: readonly string[];
      /**
       * `testHashes` (added later): per declared test, the sha256 of the file with the other tests'
       * calls cut out, so a test is known unchanged when only another test of its file changed.
       */
      readonly testHashes?: readonly { readonly name: string; readonly sha256: string }[];
    }[];
    readonly tests?: readonly {
      readonly name: string;
      readonly status: string;
      readonly message: string | null;
      readonly failureKind: string | null;
      readonly durationMs: number | null;
    }[];
    /** The (capped) output is a blob of the sessions service, named by its sha256. */
    readonly outputSha256?: string;
    readonly outputBytes?: number;
    readonly outputTruncated?: boolean;
    readonly killedBy?: 'timeout' | 'output_limit' | null;
    readonly oomKilled?: boolean;
    readonly error?: string | null;
  };
}

/** The failure kinds that make a run red: the tests ran and failed on what is not there yet. */
export const RED_FAILURE_KINDS: readonly string[] = ['assertion', 'missing_module'];

/** What one test of a run shows: RED failed on an assertion or the missing implementation, GREEN passed, NONE otherwise. */
export function testEvidence(test: {
  readonly status: string;
  readonly failureKind: string | null;
}): 'RED' | 'GREEN' | 'NONE' {
  if (test.status === 'PASSED') return 'GREEN';
  if (test.status === 'FAILED' && RED_FAILURE_KINDS.includes(test.failureKind ?? '')) return 'RED';
  return 'NONE';
}

/**
 * Red evidence (for an accepted design): at least one test failed on an assertion or the missing
 * implementation and none failed for another reason (a syntax or compile error, a crash). Tests
 * that pass beside it are allowed: after a change of the design, the changed test fails against the
 * old code while the unchanged ones still pass. A run that does not list its tests (older events)
 * is red only when nothing passed.
 */
export function isRedRun(run: SandboxRunRecorded['data']): boolean {
  if (run.designVersion === null) return false;
  if (run.outcome !== 'FAILED' || run.testsFailed === 0) return false;
  const tests = run.tests ?? [];
  if (tests.length === 0) return run.testsPassed === 0;
  const failed = tests.filter((t) => t.status === 'FAILED');
  return failed.length > 0 && failed.every((t) => testEvidence(t) === 'RED');
}

/** Green evidence: tests ran and all passed. */
export function isGreenRun(run: SandboxRunRecorded['data']): boolean {
  if (run.designVersion === null) return false;
  return run.outcome === 'PASSED' && run.testsPassed > 0 && run.testsFailed === 0;
}
