import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The channel the timeline projection notifies when it records an event of a session stream. */
export const TIMELINE_CHANNEL = 'codemyspec_session_events';

interface ListenClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}

/**
 * Wakes subscriptions when their stream gets an event: one LISTEN connection for the whole
 * gateway, fed by `pg_notify` in the timeline projection's transaction (delivered at commit, so a
 * woken subscriber always finds the row). Idle subscribers cost nothing but a timer; the timeout
 * of `wait` is the safety net should a notification be lost (a reconnect).
 */
export class TimelineNotifications {
  private readonly waiting = new Map<string, Set<() => void>>();
  private release: (() => void) | null = null;
  private readonly logger = new Logger('TimelineNotifications');

  async start(dataSource: DataSource): Promise<void> {
    const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
      ListenClient,
      () => void,
    ];
    this.release = release;
    client.on('notification', (message) => {
      if (message.channel !== TIMELINE_CHANNEL || !message.payload) return;
      const wakers = this.waiting.get(message.payload);
      if (!wakers) return;
      this.waiting.delete(message.payload);
      for (const wake of wakers) wake();
    });
    client.on('error', (error) => this.logger.warn(`the LISTEN connection failed: ${error.message}`));
    await client.query(`LISTEN ${TIMELINE_CHANNEL}`);
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
    for (const wakers of this.waiting.values()) for (const wake of wakers) wake();
    this.waiting.clear();
    this.release?.();
    this.release = null;
  }
}
