import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PgListener } from '@app/platform';

/** The channel the timeline projection notifies when it records an event of a session stream. */
export const TIMELINE_CHANNEL = 'codemyspec_session_events';

/**
 * Wakes subscriptions when their stream gets an event: one LISTEN connection for the whole
 * gateway, fed by `pg_notify` in the timeline projection's transaction (delivered at commit, so a
 * woken subscriber always finds the row). Idle subscribers cost nothing but a timer; the timeout
 * of `wait` is the safety net should a notification be lost; after a reconnection every waiting
 * subscriber looks again.
 */
export class TimelineNotifications {
  private readonly waiting = new Map<string, Set<() => void>>();
  private listener: PgListener | null = null;
  private readonly logger = new Logger('TimelineNotifications');

  async start(dataSource: DataSource): Promise<void> {
    this.listener = new PgListener(dataSource, {
      channels: [TIMELINE_CHANNEL],
      onNotification: (_channel, streamId) => this.wakeStream(streamId),
      // Back after a lost connection: whatever was notified meanwhile is gone, so everyone looks.
      onListening: () => this.wakeAll(),
      log: (message) => this.logger.warn(message),
    });
    await this.listener.start();
  }

  private wakeStream(streamId: string): void {
    const wakers = this.waiting.get(streamId);
    if (!wakers) return;
    this.waiting.delete(streamId);
    for (const wake of wakers) wake();
  }

  private wakeAll(): void {
    for (const streamId of [...this.waiting.keys()]) this.wakeStream(streamId);
  }

  /** Resolves when `streamId` gets an event, or after `timeoutMs`, or when `signal` aborts. */
  wait(streamId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const wakers = this.waiting.get(streamId) ?? new Set<() => void>();
      this.waiting.set(streamId, wakers);
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        if (wakers.size === 0 && this.waiting.get(streamId) === wakers) this.waiting.delete(streamId);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done);
      wakers.add(done);
    });
  }

  get subscribers(): number {
    let n = 0;
    for (const wakers of this.waiting.values()) n += wakers.size;
    return n;
  }

  stop(): void {
    this.wakeAll();
    this.listener?.stop();
    this.listener = null;
  }
}
