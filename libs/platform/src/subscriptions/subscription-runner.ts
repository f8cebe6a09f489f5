import type { DataSource, QueryRunner } from 'typeorm';
import type { EventEnvelope, GlobalCheckpoint } from '@app/domain';
import type { PostgresEventStore } from '../event-store/postgres-event-store';
import type { SqlExecutor } from '../persistence/sql-executor';
import { queryRunnerExecutor } from '../persistence/sql-executor';
import { CheckpointStore } from './checkpoint-store';

export interface SubscriptionContext {
  /** The transaction the batch runs in: write read models through it. */
  readonly sql: SqlExecutor;
  readonly runner: QueryRunner;
}

/** Handles a batch; a number says it handled only that many (from the start): the rest is read again. */
export type SubscriptionHandler = (
  events: readonly EventEnvelope[],
  context: SubscriptionContext,
) => Promise<void | number>;

export interface SubscriptionRunnerOptions {
  /**
   * Unique per subscription within its checkpoint schema; the advisory lock is keyed by both, so
   * services sharing one database (the embedded default) never block each other's subscriptions.
   */
  readonly name: string;
  /** The event store read from (it must live in the same database as `dataSource`). */
  readonly source: PostgresEventStore;
  /** The consumer's DataSource: the handler's writes and the checkpoint commit on it together. */
  readonly dataSource: DataSource;
  /** The schema holding the consumer's `subscription_checkpoints` table. */
  readonly checkpointSchema: string;
  readonly handle: SubscriptionHandler;
  /**
   * Whether a batch's handler and checkpoint run in one transaction (default). `false` for a
   * handler that writes nothing to this database (the Kafka relay): the checkpoint then moves in
   * its own statement once the handler returned.
   */
  readonly transactional?: boolean;
  readonly batchSize?: number;
  /** The wait after a batch that found events; each empty poll doubles it, up to `maxIdlePollMs`. */
  readonly pollIntervalMs?: number;
  /** The longest wait between polls of an idle store (a `poke` ends any wait). Default 250 ms. */
  readonly maxIdlePollMs?: number;
  /** How often a standby instance tries to take over the lock. */
  readonly standbyRetryMs?: number;
  readonly onError?: (error: unknown, attempt: number) => void;
}

/**
 * Feeds a handler every event of a store, in gap-safe global order, exactly once per commit.
 *
 * - Only one instance per subscription is active: it holds a session advisory lock on its own
 *   connection. Others wait as standbys and take over when that connection goes away.
 * - Each batch runs in one transaction on that connection: read the checkpoint, read the
 *   events, run the handler, move the checkpoint by compare-and-set, commit. A handler that
 *   throws rolls back both its writes and the checkpoint, and the batch is retried with backoff.
 */
export class SubscriptionRunner {
  private readonly checkpoints: CheckpointStore;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxIdlePollMs: number;
  private nextPollMs: number;
  private readonly standbyRetryMs: number;
  private runner: QueryRunner | undefined;
  private active = false;
  private standingBy = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** A poke came while a batch was being read or handled: read again at once instead of pausing. */
  private poked = false;
  private lastCheckpoint: GlobalCheckpoint | undefined;
  /** The checkpoint as this instance left it, while it holds the lock; undefined: read it again. */
  private heldCheckpoint: GlobalCheckpoint | undefined;
  private failures = 0;

  constructor(private readonly options: SubscriptionRunnerOptions) {
    this.checkpoints = new CheckpointStore(options.checkpointSchema);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.maxIdlePollMs = Math.max(this.pollIntervalMs, options.maxIdlePollMs ?? 250);
    this.nextPollMs = this.pollIntervalMs;
    this.standbyRetryMs = options.standbyRetryMs ?? 500;
  }

  get name(): string {
    return this.options.name;
  }

  /** Whether this instance holds the subscription's lock and is processing. */
  get isActive(): boolean {
    return this.active;
  }

  /** Whether another instance holds the lock and this one waits to take over (a healthy standby). */
  get isStandingBy(): boolean {
    return this.standingBy;
  }

  get checkpoint(): GlobalCheckpoint | undefined {
    return this.lastCheckpoint;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Finishes the batch in progress, releases the lock and the connection. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** A hint that new events may be there (e.g. after a local append): skips the rest of the poll wait. */
  poke(): void {
    this.nextPollMs = this.pollIntervalMs;
    this.poked = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!this.active && !(await this.tryActivate())) {
          this.standingBy = true;
          // Not cut short by pokes: appends do not make the active instance go away.
          await this.pause(this.standbyRetryMs, false);
          continue;
        }
        this.standingBy = false;
        const processed = await this.processBatch();
        this.failures = 0;
        if (processed >= this.batchSize) continue;
        // Back off while the store is quiet, so an idle service costs next to nothing.
        const wait = processed > 0 ? this.pollIntervalMs : this.nextPollMs;
        this.nextPollMs = processed > 0 ? this.pollIntervalMs : Math.min(this.maxIdlePollMs, wait * 2);
        await this.pause(wait);
      } catch (error) {
        this.failures += 1;
        this.options.onError?.(error, this.failures);
        if (!(await this.connectionIsHealthy())) await this.deactivate();
        // A backoff, not cut short by pokes: a failing source is not retried once per append.
        await this.pause(Math.min(50 * 2 ** Math.min(this.failures, 6), 1_000), false);
      }
    }
    await this.deactivate();
  }

  private async tryActivate(): Promise<boolean> {
    const runner = this.options.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const sql = queryRunnerExecutor(runner);
      const { rows } = await sql.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`,
        [`codemyspec:subscription:${this.options.checkpointSchema}:${this.options.name}`],
      );
      if (!rows[0].locked) {
        await runner.release();
        return false;
      }
      this.heldCheckpoint = await this.checkpoints.load(sql, this.options.name);
      this.lastCheckpoint = this.heldCheckpoint;
      this.runner = runner;
      this.active = true;
      return true;
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw error;
    }
  }

  /**
   * One batch: read on from the checkpoint (kept in memory while this instance holds the lock, and
   * read again after a failure), then handler and compare-and-set of the checkpoint, in one
   * transaction unless the subscription says otherwise. An empty poll is one query.
   */
  private async processBatch(): Promise<number> {
    const runner = this.runner;
    if (!runner) return 0;
    const sql = queryRunnerExecutor(runner);
    const from = this.heldCheckpoint ?? (await this.checkpoints.load(sql, this.options.name));
    this.heldCheckpoint = from;
    // Outside any transaction: this read holds back nothing (see readAll's gap-safe horizon).
    const { events } = await this.options.source.readAll(from, this.batchSize, sql);
    if (events.length === 0) return 0;
    const transactional = this.options.transactional ?? true;
    if (transactional) await runner.startTransaction();
    try {
      let handled = events.length;
      let reached = events[events.length - 1].position;
      const answer = await this.options.handle(events, { sql, runner });
      if (typeof answer === 'number' && answer > 0 && answer < events.length) {
        handled = answer;
        reached = events[answer - 1].position;
      }
      await this.checkpoints.compareAndSet(sql, this.options.name, from, reached);
      if (transactional) await runner.commitTransaction();
      this.heldCheckpoint = reached;
      this.lastCheckpoint = reached;
      // Cut short: read on at once.
      return handled < events.length ? this.batchSize : events.length;
    } catch (error) {
      // Where the checkpoint stands is read again before the next batch.
      this.heldCheckpoint = undefined;
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }

  private async connectionIsHealthy(): Promise<boolean> {
    if (!this.runner) return true;
    try {
      await this.runner.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async deactivate(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    this.heldCheckpoint = undefined;
    this.active = false;
    this.standingBy = false;
    if (!runner) return;
    try {
      await runner.query(`SELECT pg_advisory_unlock_all()`);
    } catch {
      // The connection is gone, and with it the lock.
    }
    await runner.release().catch(() => undefined);
  }

  /** Waits `ms`, or less when `stop` is called or (if `wakeable`) a poke comes or came meanwhile. */
  private pause(ms: number, wakeable = true): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (wakeable && this.poked) {
      this.poked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        if (wakeable) this.poked = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeable ? done : () => (this.stopping ? done() : undefined);
    });
  }
}
