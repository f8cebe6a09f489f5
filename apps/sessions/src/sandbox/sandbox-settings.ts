import type { SandboxLimits } from './sandbox.port';

export type SandboxDriverSetting = 'auto' | 'docker' | 'bubblewrap' | 'none';

/** How the service runs sandboxes (SANDBOX_* settings): the sandbox's own, read by the service config. */
export interface SandboxSettings {
  readonly driver: SandboxDriverSetting;
  readonly image: string;
  readonly limits: SandboxLimits;
  /** Runs at once; more wait their turn. */
  readonly concurrency: number;
  /** Pre-created Docker containers for the default test command. */
  readonly warmPool: number;
  /** Where the bubblewrap driver creates run folders. */
  readonly workRoot: string;
}

/** The Nest token of the service's SandboxSettings. */
export const SANDBOX_SETTINGS = Symbol('SANDBOX_SETTINGS');
