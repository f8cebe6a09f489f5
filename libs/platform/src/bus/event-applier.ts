import { ConcurrencyError } from '@app/domain';
import type { SqlExecutor } from '../persistence/sql-executor';
import { quoteIdent } from '../persistence/sql-executor';
import type { BusEvent } from './bus-event';
import { ConsumerPositions } from './consumer-positions';
import { decideDelivery } from './delivery';
import type { Projection, ProjectionContext } from './projection';
import { projectionHandles, projectionTracks } from './projection';

export interface ParkedEvent {
  readonly event: BusEvent;
  readonly reason: string;
  /** `poison`: its handler kept failing. `held`: queued behind a poison event of the same stream. */
  readonly kind: 'poison' | 'held';
}

export interface BatchOutcome {
  /**
   * How many events of the batch were dealt with (applied, skipped or parked), from the start:
   * fewer than given at a gap, or when the batch ran out of time (`maxBatchMs`).
   */
  readonly handled: number;
  readonly applied: number;
  readonly duplicates: number;
  readonly parked: readonly ParkedEvent[];
  /** Set when the batch stopped at an event whose predecessor has not been applied yet. */
  readonly gap?: { readonly event: BusEvent; readonly expectedVersion: number };
}

export interface EventApplierOptions {
  /** Applied versions and parked events are keyed by this name. */
  readonly consumer: string;
  /** Schema holding `bus_applied_versions` and `bus_parked_events`. */
  readonly schema: string;
  readonly projections: readonly Projection[];
  /** Attempts per event before it is parked as poison. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  /**
   * A batch stops after this long (having handled at least one event) and reports how far it got:
   * the caller commits that much and reads on. Its transaction stays short, because every open
   * transaction that wrote holds back the gap-safe reads of every store on the database.
   */
  readonly maxBatchMs?: number;
  /** Redirects a projection's tables (replays write into fresh copies). */
  readonly tableName?: (projection: Projection, table: string) => string;
}

/**
 * Applies bus events idempotently and in per-stream order, inside the caller's transaction.
 * Each event runs under a savepoint: a failing handler is rolled back alone and retried, and after
 * `maxAttempts` it is parked as poison, which blocks its stream (later events of that stream are
 * parked behind it) while every other stream keeps flowing.
 */
export class EventApplier {
  private readonly positions: ConsumerPositions;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: EventApplierOptions) {
    this.positions = new ConsumerPositions(options.consumer, options.schema);
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 20;
  }

  get consumer(): string {
    return this.options.consumer;
  }

  /**
   * Every event of a subscribed stream is tracked (its version is recorded even when no handler
   * runs), so that the next handled event of that stream is not mistaken for a gap.
   */
  wants(event: BusEvent): boolean {
    return this.options.projections.some((projection) => projectionTracks(projection, event));
  }

  async applyBatch(events: readonly BusEvent[], sql: SqlExecutor): Promise<BatchOutcome> {
    if (!sql.inTransaction) throw new Error('EventApplier.applyBatch must run inside a transaction');
    const streamIds = [...new Set(events.filter((e) => this.wants(e)).map((e) => e.streamId))];
    if (streamIds.length === 0) return { handled: events.length, applied: 0, duplicates: 0, parked: [] };
    // Fast path: the whole batch under one savepoint, no per-event round trips beyond the handlers.
    await sql.query('SAVEPOINT bus_batch');
    try {
      const outcome = await this.run(
        events,
        await this.positions.loadStreamState(streamIds, sql),
        sql,
        'fast',
      );
      await sql.query('RELEASE SAVEPOINT bus_batch');
      return outcome;
    } catch (error) {
      await sql.query('ROLLBACK TO SAVEPOINT bus_batch');
      await sql.query('RELEASE SAVEPOINT bus_batch');
      if (!(error instanceof HandlerFailed)) throw error;
    }
    // A handler failed: redo the batch event by event, each under its own savepoint with retries.
    return this.run(events, await this.positions.loadStreamState(streamIds, sql), sql, 'careful');
  }

  private async run(
    events: readonly BusEvent[],
    state: Map<string, { version: number; blocked: boolean }>,
    sql: SqlExecutor,
    mode: 'fast' | 'careful',
  ): Promise<BatchOutcome> {
    let applied = 0;
    let duplicates = 0;
    const parked: ParkedEvent[] = [];
    const moved = new Map<string, number>();
    // The fast path hands each run handler everything the batch applies, at the end, in one call.
    const runs = new Map<Projection, BusEvent[]>();
    const finish = async () => {
      await this.runRuns(runs, sql);
      await this.positions.saveVersions(moved, sql);
    };
    const deadline = Date.now() + (this.options.maxBatchMs ?? 500);
    for (let index = 0; index < events.length; index++) {
      if (index > 0 && Date.now() > deadline) {
        await finish();
        return { handled: index, applied, duplicates, parked };
      }
      const event = events[index];
      if (!this.wants(event)) continue;
      const stream = state.get(event.streamId) ?? { version: 0, blocked: false };
      state.set(event.streamId, stream);
      const delivery = decideDelivery(stream.version, event.version, stream.blocked);
      switch (delivery) {
        case 'duplicate':
          duplicates += 1;
          break;
        case 'held': {
          const reason = `held behind a poison event of stream ${event.streamId}`;
          await this.positions.park(event, reason, 0, sql);
          parked.push({ event, reason, kind: 'held' });
          break;
        }
        case 'gap':
          await finish();
          return {
            handled: index,
            applied,
            duplicates,
            parked,
            gap: { event, expectedVersion: stream.version + 1 },
          };
        case 'apply': {
          const failure =
            mode === 'fast'
              ? await this.applyOnce(event, sql, runs)
              : await this.applyWithRetries(event, sql);
          if (failure === undefined) {
            stream.version = event.version;
            moved.set(event.streamId, event.version);
            applied += 1;
          } else {
            await this.positions.park(event, failure, this.maxAttempts, sql);
            stream.blocked = true;
            parked.push({ event, reason: failure, kind: 'poison' });
          }
          break;
        }
        default: {
          const unexpected: never = delivery;
          throw new Error(`unexpected delivery ${String(unexpected)}`);
        }
      }
    }
    await finish();
    return { handled: events.length, applied, duplicates, parked };
  }

  /** Parks an event that cannot be applied (malformed, or a gap that never closed). */
  async parkUnappliable(event: BusEvent, reason: string, sql: SqlExecutor): Promise<void> {
    await this.positions.park(event, reason, 0, sql);
  }

  /** The parked events of this consumer, oldest stream position first. */
  parkedEvents(sql: SqlExecutor): ReturnType<ConsumerPositions['parkedEvents']> {
    return this.positions.parkedEvents(sql);
  }

  /**
   * Tries the parked events again, stream by stream in version order (after the handler was fixed).
   * A stream is unblocked as far as its events now apply; the rest stay parked.
   */
  async retryParked(sql: SqlExecutor): Promise<{ applied: number; stillParked: number }> {
    const rows = await this.positions.parkedEnvelopes(sql);
    let applied = 0;
    let stillParked = 0;
    const stuck = new Set<string>();
    const state = await this.positions.loadStreamState([...new Set(rows.map((r) => r.stream_id))], sql);
    for (const row of rows) {
      const stream = state.get(row.stream_id) ?? { version: 0, blocked: false };
      const event = row.envelope;
      const delivery = stuck.has(row.stream_id)
        ? 'gap'
        : decideDelivery(stream.version, event.version, false);
      if (delivery === 'duplicate') {
        await this.positions.unpark(event, sql);
        continue;
      }
      if (delivery !== 'apply' || (await this.applyWithRetries(event, sql, 1)) !== undefined) {
        stuck.add(row.stream_id);
        stillParked += 1;
        continue;
      }
      stream.version = event.version;
      state.set(row.stream_id, stream);
      await this.positions.saveVersions(new Map([[row.stream_id, event.version]]), sql);
      await this.positions.unpark(event, sql);
      applied += 1;
    }
    return { applied, stillParked };
  }

  /**
   * Fast path: run the per-event handlers and queue the event for the run handlers; a failure
   * aborts the whole fast attempt.
   */
  private async applyOnce(
    event: BusEvent,
    sql: SqlExecutor,
    runs: Map<Projection, BusEvent[]>,
  ): Promise<undefined> {
    await failFast(() => this.runHandlers(event, sql, runs));
    return undefined;
  }

  private async runRuns(runs: Map<Projection, BusEvent[]>, sql: SqlExecutor): Promise<void> {
    for (const [projection, events] of runs)
      await failFast(() => projection.handleRun!(events, this.contextFor(projection, sql)));
    runs.clear();
  }

  /** Runs the event's handlers; a run handler gets it queued in `runs`, or alone when there is none. */
  private async runHandlers(
    event: BusEvent,
    sql: SqlExecutor,
    runs?: Map<Projection, BusEvent[]>,
  ): Promise<void> {
    for (const projection of this.options.projections) {
      if (!projectionHandles(projection, event)) continue;
      if (projection.handleRun && runs) {
        const run = runs.get(projection) ?? [];
        runs.set(projection, run);
        run.push(event);
      } else if (projection.handleRun) {
        await projection.handleRun([event], this.contextFor(projection, sql));
      } else {
        const handler = projection.handlers[event.type] ?? projection.handlers['*'];
        await handler(event, this.contextFor(projection, sql));
      }
    }
  }

  private async applyWithRetries(
    event: BusEvent,
    sql: SqlExecutor,
    attempts = this.maxAttempts,
  ): Promise<string | undefined> {
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await sql.query('SAVEPOINT bus_event');
      try {
        await this.runHandlers(event, sql);
        await sql.query('RELEASE SAVEPOINT bus_event');
        return undefined;
      } catch (error) {
        await sql.query('ROLLBACK TO SAVEPOINT bus_event');
        await sql.query('RELEASE SAVEPOINT bus_event');
        // A reaction lost a race on its own stream: that is not poison, redo the batch in a new transaction.
        if (error instanceof ConcurrencyError) throw error;
        lastError = error instanceof Error ? error.message : String(error);
        if (attempt < attempts)
          await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempt));
      }
    }
    return `handler failed ${attempts} time(s): ${lastError}`.slice(0, 2000);
  }

  private contextFor(projection: Projection, sql: SqlExecutor): ProjectionContext {
    const rename = this.options.tableName;
    return {
      sql,
      manager: sql.manager,
      table: (name: string) => {
        if (!projection.tables.includes(name))
          throw new Error(`projection ${projection.name} does not own table ${name}`);
        return rename ? rename(projection, name) : `${quoteIdent(projection.schema)}.${quoteIdent(name)}`;
      },
    };
  }
}

/** Runs handlers of the fast path: a failure (other than a lost race) redoes the batch event by event. */
async function failFast(handlers: () => Promise<void>): Promise<void> {
  try {
    await handlers();
  } catch (error) {
    if (error instanceof ConcurrencyError) throw error;
    throw new HandlerFailed(error);
  }
}

/** A handler threw during the fast path; the batch is redone event by event. */
class HandlerFailed extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
    this.name = 'HandlerFailed';
  }
}
