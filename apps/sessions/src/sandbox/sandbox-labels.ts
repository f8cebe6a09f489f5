/** Labels on every container and volume a sandbox creates, so a reaper can find leftovers. */
export const SANDBOX_LABEL = 'codemyspec.sandbox';
export const RUN_ID_LABEL = 'codemyspec.run-id';
/** Epoch ms after which the object is a leftover (the run's wall-clock limit plus a grace period). */
export const EXPIRES_LABEL = 'codemyspec.expires-at';

export const REAP_GRACE_MS = 60_000;

export function isExpired(labels: Readonly<Record<string, string>> | undefined, nowMs: number): boolean {
  const expires = Number(labels?.[EXPIRES_LABEL]);
  return !Number.isFinite(expires) || expires < nowMs;
}
