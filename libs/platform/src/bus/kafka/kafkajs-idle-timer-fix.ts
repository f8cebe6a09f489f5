import { createRequire } from 'node:module';

/**
 * kafkajs 2.2.4 (the last release) re-arms a timer on every broker connection forever once it has
 * had one response: `RequestQueue.scheduleCheckPendingRequests` sets `setTimeout(check,
 * throttledUntil - Date.now())` even with nothing pending and no throttle, a negative delay that
 * Node runs after 1 ms, and the check schedules itself again (kafkajs issues #1556, #1704, #1751;
 * Node 24 warns `TimeoutNegativeWarning` once per process). Each connection then wakes its process
 * about 1,000 times a second for nothing. This replaces that one method with the same logic minus
 * the loop: a timer only while requests wait, or until a broker-requested throttle ends.
 */

const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10; // kafkajs' own interval for a queue that waits

interface RequestQueueLike {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

interface RequestQueueClass {
  prototype: RequestQueueLike & { [patched]?: true };
}

const patched = Symbol.for('codemyspec.kafkajs.idleTimerFix');

/** The delay before the next check of a queue, or undefined when nothing needs one. */
export function nextPendingCheckDelay(
  pendingCount: number,
  throttledUntil: number,
  now: number,
): number | undefined {
  const untilUnthrottled = throttledUntil - now;
  if (pendingCount > 0) return untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS;
  return untilUnthrottled > 0 ? untilUnthrottled : undefined;
}

function scheduleCheckPendingRequests(this: RequestQueueLike): void {
  if (this.throttleCheckTimeoutId) return;
  const delay = nextPendingCheckDelay(this.pending.length, this.throttledUntil, Date.now());
  if (delay === undefined) return;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delay);
}

/** kafkajs' request queue class (internal module; its shape is checked before it is patched). */
export function kafkajsRequestQueueClass(): RequestQueueClass {
  const require = createRequire(__filename);
  return require('kafkajs/src/network/requestQueue') as RequestQueueClass;
}

/** Installs the fix once per process; throws if kafkajs no longer has the method it replaces. */
export function installKafkajsIdleTimerFix(): void {
  const { prototype } = kafkajsRequestQueueClass();
  if (prototype[patched]) return;
  if (typeof prototype.scheduleCheckPendingRequests !== 'function') {
    throw new Error(
      'kafkajs changed: RequestQueue.scheduleCheckPendingRequests is gone; review kafkajs-idle-timer-fix.ts',
    );
  }
  prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
  prototype[patched] = true;
}
