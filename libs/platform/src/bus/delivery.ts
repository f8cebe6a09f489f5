/**
 * What a consumer does with an event, given the last version it applied for that stream:
 * - `duplicate`: at or below the applied version, already applied: skip it;
 * - `apply`: exactly the next version;
 * - `gap`: past the next version: an earlier event has not arrived yet, hold it and retry;
 * - `held`: the stream is blocked behind a poison event: park it so per-stream order survives.
 */
export type Delivery = 'duplicate' | 'apply' | 'gap' | 'held';

export function decideDelivery(
  appliedVersion: number,
  eventVersion: number,
  streamBlocked: boolean,
): Delivery {
  if (eventVersion <= appliedVersion) return 'duplicate';
  if (streamBlocked) return 'held';
  return eventVersion === appliedVersion + 1 ? 'apply' : 'gap';
}
