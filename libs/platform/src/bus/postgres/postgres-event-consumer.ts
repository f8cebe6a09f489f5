import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '../../event-store/postgres-event-store';
import { dataSourceExecutor, inTransaction, quoteIdent, sqlStateOf } from '../../persistence/sql-executor';
import { CheckpointStore } from '../../subscriptions/checkpoint-store';
import { SubscriptionRunner } from '../../subscriptions/subscription-runner';
import { toBusEvent } from '../bus-event';
import { EventApplier } from '../event-applier';
import type { EventConsumer, PartitionLag } from '../event-consumer';
import type { Projection } from '../projection';

export interface PostgresEventConsumerOptions {
  /** Applied versions and checkpoints are keyed by it: the consuming service's name. */
  readonly name: string;
  /** One DataSource on the shared database (the embedded default keeps every service's schema there). */
  readonly dataSource: DataSource;
  /** Schema of the consuming service. */
  readonly schema: string;
  readonly projections: readonly Projection[];
  /** The schema holding each producing service's event store (by default the service's name). */
  readonly sourceSchemas?: Readonly<Record<string, string>>;
  readonly maxAttempts?: number;
  /** A transaction applies events for at most this long (default 500 ms; see EventApplier). */
  readonly maxBatchMs?: number;
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly onError?: (error: unknown, attempt: number) => void;
}

export class GapInEventStoreError extends Error {
  constructor(streamId: string, expected: number, got: number) {
    super(`stream ${streamId}: expected version ${expected}, read ${got}; holding until it arrives`);
    this.name = 'GapInEventStoreError';
  }
}

/**
 * The bus without Kafka (the embedded default): the consumer reads each producing service's event
 * store directly, with the same gap-safe query as the relay, and applies events through the same
 * `EventApplier` as the Kafka consumer. Handlers cannot tell the difference.
 */
export class PostgresEventConsumer implements EventConsumer {
  private readonly applier: EventApplier;
  private readonly runners: SubscriptionRunner[];
  private readonly sources: { service: string; schema: string; streamTypes: Set<string> }[];

  constructor(private readonly options: PostgresEventConsumerOptions) {
    this.applier = new EventApplier({
      consumer: options.name,
      schema: options.schema,
      projections: options.projections,
      maxAttempts: options.maxAttempts,
      maxBatchMs: options.maxBatchMs,
    });
    const byService = new Map<string, Set<string>>();
    for (const source of options.projections.flatMap((p) => p.sources)) {
      const types = byService.get(source.service) ?? new Set<string>();
      for (const type of source.streamTypes) types.add(type);
      byService.set(source.service, types);
    }
    this.sources = [...byService.entries()].map(([service, streamTypes]) => ({
      service,
      schema: options.sourceSchemas?.[service] ?? service,
      streamTypes,
    }));
    this.runners = this.sources.map(
      (source) =>
        new SubscriptionRunner({
          name: this.subscriptionName(source.service),
          source: new PostgresEventStore(options.dataSource, source.schema, { announceAppends: false }),
          dataSource: options.dataSource,
          checkpointSchema: options.schema,
          pollIntervalMs: options.pollIntervalMs ?? 10,
          batchSize: options.batchSize ?? 500,
          onError: options.onError,
          handle: async (events, { sql }) => {
            // Each wanted event with its place in the batch read from the store.
            const wanted = events.flatMap((event, index) =>
              source.streamTypes.has(event.streamType)
                ? [{ index, event: toBusEvent(event, source.service) }]
                : [],
            );
            const outcome = await this.applier.applyBatch(
              wanted.map((w) => w.event),
              sql,
            );
            // The store delivers every committed event in order, so a gap means an earlier event is
            // not readable yet: fail the batch (rolled back, retried) rather than skip anything.
            if (outcome.gap)
              throw new GapInEventStoreError(
                outcome.gap.event.streamId,
                outcome.gap.expectedVersion,
                outcome.gap.event.version,
              );
            // Out of time part-way (see maxBatchMs): commit that far, the store gives the rest again.
            if (outcome.handled < wanted.length) return wanted[outcome.handled].index;
          },
        }),
    );
  }

  get name(): string {
    return this.options.name;
  }

  async start(): Promise<void> {
    await this.retryParked();
    for (const runner of this.runners) runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Each source is consumed here, or by another instance while this one stands by to take over. */
  isReady(): boolean {
    return this.runners.every((runner) => runner.isActive || runner.isStandingBy);
  }

  /** A hint that a source store (by its schema; all when absent) has new events: read now. */
  poke(sourceSchema?: string): void {
    this.sources.forEach((source, i) => {
      if (sourceSchema === undefined || source.schema === sourceSchema) this.runners[i].poke();
    });
  }

  async lag(): Promise<PartitionLag[]> {
    const sql = dataSourceExecutor(this.options.dataSource);
    const checkpoints = new CheckpointStore(this.options.schema);
    const result: PartitionLag[] = [];
    for (const source of this.sources) {
      const at = await checkpoints.load(sql, this.subscriptionName(source.service));
      let rows: { behind: string; last: string | null }[];
      try {
        ({ rows } = await sql.query<{ behind: string; last: string | null }>(
          `SELECT count(*) FILTER (WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)) AS behind,
                  max(global_position) AS last
             FROM ${quoteIdent(source.schema)}.events`,
          [at.transactionId, at.globalPosition],
        ));
      } catch (error) {
        // A producing service that has not created its store yet has nothing for us.
        if (sqlStateOf(error) !== '42P01') throw error;
        rows = [{ behind: '0', last: null }];
      }
      result.push({
        source: `${source.service} event store`,
        partition: 0,
        position: at.globalPosition,
        end: rows[0].last ?? '0',
        lag: Number(rows[0].behind),
      });
    }
    return result;
  }

  async retryParked(): Promise<{ applied: number; stillParked: number }> {
    return inTransaction(this.options.dataSource, (sql) => this.applier.retryParked(sql));
  }

  private subscriptionName(service: string): string {
    return `bus:${this.options.name}:${service}`;
  }
}
