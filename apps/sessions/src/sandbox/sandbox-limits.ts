import type { SandboxLimits } from './sandbox.port';

const MiB = 1024 * 1024;

/** The limits of a run unless the deployment (SANDBOX_* settings) or a test says otherwise. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  timeoutMs: 60_000,
  memoryBytes: 512 * MiB,
  pids: 128,
  outputBytes: 1 * MiB,
  cpus: 1,
  scratchBytes: 64 * MiB,
  diskBytes: 256 * MiB,
  artifactBytes: 8 * MiB,
};

/** No run may be given more than this wall-clock time, whatever is configured. */
export const MAX_SANDBOX_TIMEOUT_MS = 15 * 60_000;
