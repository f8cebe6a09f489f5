import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { quoteIdent } from './sql-executor';

interface ListenClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  removeAllListeners(event?: string): void;
}

export interface PgListenerOptions {
  readonly channels: readonly string[];
  readonly onNotification: (channel: string, payload: string) => void;
  /**
   * After every (re)connection, once LISTEN is in place: notifications sent while the connection was
   * down are lost, so whoever relies on them should look for themselves now.
   */
  readonly onListening?: () => void;
  readonly log?: (message: string) => void;
  /** The wait before the first reconnection attempt; it doubles up to 30 s. Default 500 ms. */
  readonly reconnectDelayMs?: number;
}

/**
 * One connection that LISTENs on some channels for the whole process, taken from the DataSource's
 * pool and kept. When the connection fails (a restarted server, a killed backend) it is thrown away
 * and another one listens, with growing pauses between attempts, until `stop`.
 */
export class PgListener {
  private release: ((error: Error) => void) | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private delayMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: PgListenerOptions,
  ) {
    this.delayMs = options.reconnectDelayMs ?? 500;
  }

  /** Listens before it resolves; a failure of this first attempt is thrown. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
  }

  get listening(): boolean {
    return this.release !== null;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    // Closed rather than handed back: a pooled connection must not go on listening.
    this.release?.(new Error('the listener stopped'));
    this.release = null;
  }

  private async listen(): Promise<void> {
    const [client, release] = (await (this.dataSource.driver as PostgresDriver).obtainMasterConnection()) as [
      ListenClient,
      (error?: Error) => void,
    ];
    client.on('notification', ({ channel, payload }) => this.options.onNotification(channel, payload ?? ''));
    let released = false;
    const once = (error: Error) => {
      if (released) return;
      released = true;
      client.removeAllListeners('notification');
      release(error);
    };
    client.on('error', (error) => this.lost(once, error));
    try {
      for (const channel of this.options.channels) await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (error) {
      once(error as Error);
      throw error;
    }
    if (this.stopped) return once(new Error('the listener stopped'));
    this.release = once;
    this.delayMs = this.options.reconnectDelayMs ?? 500;
    this.options.onListening?.();
  }

  private lost(release: (error: Error) => void, error: Error): void {
    const current = this.release === release;
    if (current) this.release = null;
    release(error);
    if (this.stopped || !current) return;
    this.options.log?.(
      `the LISTEN connection failed (${error.message}); listening again in ${this.delayMs} ms`,
    );
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retry = setTimeout(() => {
      if (this.stopped) return;
      this.listen().catch((error: unknown) => {
        this.options.log?.(
          `listening again failed (${error instanceof Error ? error.message : String(error)}); next try in ${this.delayMs} ms`,
        );
        this.scheduleReconnect();
      });
      this.delayMs = Math.min(30_000, this.delayMs * 2);
    }, this.delayMs);
    this.retry.unref();
  }
}
