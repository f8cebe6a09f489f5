import type { SandboxOutcome } from '@app/domain';

/** A file written into the sandbox's workspace (a relative path, already validated). */
export interface WorkspaceFile {
  readonly path: string;
  readonly content: string;
}

/** Hard limits of one run; every driver enforces all of them. */
export interface SandboxLimits {
  /** Wall-clock limit; the run is killed (and the kill recorded) when it passes. */
  readonly timeoutMs: number;
  /** Memory (swap included); exceeding it kills the run as OOM. */
  readonly memoryBytes: number;
  /** Processes and threads inside the sandbox. */
  readonly pids: number;
  /** stdout + stderr kept; past it the run is killed as OUTPUT_LIMIT. */
  readonly outputBytes: number;
  /** CPU share, in cores. */
  readonly cpus: number;
  /** Scratch space (the tmpfs at $TMPDIR) and largest file the run may write. */
  readonly scratchBytes: number;
  /** Everything the run may store under /sandbox (workspace and report), a size-limited tmpfs. */
  readonly diskBytes: number;
  /** Total size of the artifacts copied out. */
  readonly artifactBytes: number;
}

export interface SandboxRequest {
  readonly runId: string;
  readonly files: readonly WorkspaceFile[];
  /** argv, run in the workspace folder; no shell is involved. */
  readonly argv: readonly string[];
  readonly limits: SandboxLimits;
  /** Docker image (the bubblewrap driver runs the host's Node and ignores it). */
  readonly image: string;
  /** Copy these workspace-relative paths (files or folders) out after the run. */
  readonly collect?: readonly string[];
}

export interface TestResult {
  readonly name: string;
  readonly status: 'PASSED' | 'FAILED' | 'SKIPPED' | 'TODO' | 'CANCELLED';
  readonly message: string | null;
  /** Why a failed test failed, as far as the report tells (see `FailureKind`). */
  readonly failureKind: FailureKind | null;
  readonly durationMs: number | null;
  /** Test file (for a file that failed to load, the test is the file itself). */
  readonly file: string | null;
}

/** assertion: an expectation did not hold; missing_module: an import could not be resolved;
 * syntax: the file does not parse or compile; runtime: any other error thrown; timeout/cancelled. */
export type FailureKind =
  'assertion' | 'missing_module' | 'missing_dependency' | 'syntax' | 'runtime' | 'timeout' | 'cancelled';

export interface SandboxArtifact {
  readonly path: string;
  readonly content: Buffer;
}

export interface SandboxResult {
  readonly runId: string;
  readonly driver: SandboxDriverName;
  readonly outcome: SandboxOutcome;
  readonly exitCode: number | null;
  readonly durationMs: number;
  /** stdout and stderr interleaved as they came, cut at the output limit. */
  readonly output: string;
  readonly outputTruncated: boolean;
  /** Why the runner killed the run itself, if it did. */
  readonly killedBy: 'timeout' | 'output_limit' | null;
  readonly oomKilled: boolean;
  /** The run filled its disk quota (or was told there was no space left). */
  readonly diskFull: boolean;
  readonly tests: readonly TestResult[];
  readonly artifacts: readonly SandboxArtifact[];
  /** Paths skipped when copying out, with why (symlinks, sizes, special files). */
  readonly skippedArtifacts: readonly { path: string; reason: string }[];
  /** Set for ERROR: what went wrong in the runner itself. */
  readonly error: string | null;
}

export type SandboxDriverName = 'docker' | 'bubblewrap';

/** The port both drivers implement. */
export interface Sandbox {
  readonly driver: SandboxDriverName;
  run(request: SandboxRequest): Promise<SandboxResult>;
  /** Removes leftovers of earlier runs (containers, volumes, folders). Returns how many. */
  reap(): Promise<number>;
  /** Resolves once the cleanup of every finished run is done (a driver may clean up after answering). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Where the workspace and the machine-readable report live inside every sandbox. */
export const SANDBOX_ROOT = '/sandbox';
export const SANDBOX_WORKSPACE = `${SANDBOX_ROOT}/workspace`;
export const SANDBOX_REPORT_DIR = `${SANDBOX_ROOT}/report`;
export const SANDBOX_REPORT_FILE = `${SANDBOX_REPORT_DIR}/report.tap`;
/** A scratch tmpfs at a path the image does not have (a tmpfs over an existing folder keeps its mode). */
export const SANDBOX_SCRATCH = '/scratch';
export const SANDBOX_UID = 10001;
