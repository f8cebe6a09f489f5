import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { START_OF_ALL } from '@app/domain';
import { PostgresEventStore } from '../../event-store/postgres-event-store';
import type { SqlExecutor } from '../../persistence/sql-executor';
import { dataSourceExecutor, inTransaction, quoteIdent, sqlStateOf } from '../../persistence/sql-executor';
import type { BusEvent } from '../bus-event';
import { toBusEvent } from '../bus-event';
import { EventApplier } from '../event-applier';
import type { Projection } from '../projection';
import { topicFor } from '../../topics/topic-names';
import { fromMessageValue } from '../wire-format';
import { ReplayCopies } from './replay-copies';
import { LiveSnapshot } from './live-snapshot';

export type ReplaySource =
  | { readonly kind: 'event-store'; readonly sourceSchemas?: Readonly<Record<string, string>> }
  | { readonly kind: 'kafka'; readonly kafka: Kafka; readonly topicNamespace?: string };

export interface ReplayReport {
  readonly readModel: string;
  readonly source: ReplaySource['kind'];
  readonly events: number;
  readonly rows: number;
  readonly checksumLive: string;
  readonly checksumReplayed: string;
  readonly equal: boolean;
  readonly durationMs: number;
  readonly tables: readonly { table: string; rowsLive: number; rowsReplayed: number; equal: boolean }[];
  /** Where the first difference is (a table and the row each side has), when they differ. */
  readonly firstDifference: string | null;
  /** Streams in the live consumer's watermark the comparison was made at. */
  readonly watermarkStreams: number;
}

/**
 * Rebuilds a read model from the beginning — the producing services' event stores, or Kafka from
 * offset 0 — into fresh copies of its tables (same names, in the schema `<schema>__replay`), then
 * compares checksums with the live tables. The comparison is made at one position, so it is exact
 * while writes flow: the live tables are read in a snapshot taken first, and the replay applies
 * only the events the live consumer had applied in that snapshot (its per-stream watermark).
 */
export async function replayProjection(options: {
  readonly projection: Projection;
  readonly dataSource: DataSource;
  readonly source: ReplaySource;
  readonly onProgress?: (events: number) => void;
  readonly keepCopies?: boolean;
  /** Runs once every event is applied, in a transaction that sees the copies, before they are compared. */
  readonly afterEvents?: (sql: SqlExecutor) => Promise<void>;
  /** The live consumer to compare with (default: the only one recording versions in the schema). */
  readonly liveConsumer?: string;
}): Promise<ReplayReport> {
  const started = Date.now();
  const { projection, dataSource } = options;
  const sql = dataSourceExecutor(dataSource);
  const copies = new ReplayCopies(sql, projection);
  await copies.create();
  const snapshot = await LiveSnapshot.open(dataSource, projection.schema, options.liveConsumer); // frozen first
  const applier = replayApplier(projection, copies);
  const consumer = applier.consumer;
  let events = 0;
  const apply = async (all: readonly BusEvent[]) => {
    const batch = all.filter((event) => snapshot.covers(event.streamId, event.version));
    if (batch.length === 0) return;
    const outcome = await inTransaction(dataSource, async (tx) => {
      await tx.query(copies.searchPath);
      return applier.applyBatch(batch, tx);
    });
    if (outcome.gap)
      throw new Error(
        `replay of ${projection.name} hit a gap at ${outcome.gap.event.streamId} v${outcome.gap.event.version}`,
      );
    events += batch.length;
    options.onProgress?.(events);
  };
  try {
    if (options.source.kind === 'event-store') {
      await replayFromEventStores(projection, dataSource, options.source.sourceSchemas ?? {}, apply);
    } else {
      await replayFromKafka(projection, options.source.kafka, apply, options.source.topicNamespace);
    }
    if (options.afterEvents) {
      const after = options.afterEvents;
      await inTransaction(dataSource, async (tx) => {
        await tx.query(copies.searchPath);
        await after(tx);
      });
    }
    const { tables, checksumLive, checksumReplayed } = await copies.compare(snapshot.sql);
    const differing = tables.find((t) => t.checksumLive !== t.checksumReplayed);
    const firstDifference = differing ? await copies.firstDifference(differing.table, snapshot.sql) : null;
    return {
      readModel: projection.name,
      source: options.source.kind,
      events,
      rows: tables.reduce((sum, t) => sum + t.rowsReplayed, 0),
      checksumLive,
      checksumReplayed,
      equal: checksumLive === checksumReplayed,
      durationMs: Date.now() - started,
      tables: tables.map((t) => ({
        table: t.table,
        rowsLive: t.rowsLive,
        rowsReplayed: t.rowsReplayed,
        equal: t.checksumLive === t.checksumReplayed,
      })),
      firstDifference,
      watermarkStreams: snapshot.watermark.size,
    };
  } finally {
    await snapshot.close();
    const schema = quoteIdent(projection.schema);
    await sql.query(`DELETE FROM ${schema}.bus_applied_versions WHERE consumer = $1`, [consumer]);
    await sql.query(`DELETE FROM ${schema}.bus_parked_events WHERE consumer = $1`, [consumer]);
    if (!options.keepCopies) await copies.drop();
  }
}

async function replayFromEventStores(
  projection: Projection,
  dataSource: DataSource,
  sourceSchemas: Readonly<Record<string, string>>,
  apply: (batch: readonly BusEvent[]) => Promise<void>,
): Promise<void> {
  const services = [...new Set(projection.sources.map((s) => s.service))];
  for (const service of services) {
    const types = new Set(
      projection.sources.filter((s) => s.service === service).flatMap((s) => s.streamTypes),
    );
    const store = new PostgresEventStore(dataSource, sourceSchemas[service] ?? service);
    let checkpoint = START_OF_ALL;
    for (;;) {
      let page;
      try {
        page = await store.readAll(checkpoint, 2000);
      } catch (error) {
        if (sqlStateOf(error) === '42P01') break; // that service has not created its store: no events
        throw error;
      }
      if (page.events.length === 0) break;
      checkpoint = page.checkpoint;
      await apply(page.events.filter((e) => types.has(e.streamType)).map((e) => toBusEvent(e, service)));
    }
  }
}

async function replayFromKafka(
  projection: Projection,
  kafka: Kafka,
  apply: (batch: readonly BusEvent[]) => Promise<void>,
  topicNamespace?: string,
): Promise<void> {
  const topics = [
    ...new Set(
      projection.sources.flatMap((s) =>
        s.streamTypes.map((type) => topicFor(s.service, type, topicNamespace)),
      ),
    ),
  ];
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `replay-${projection.name}-${randomUUID()}`;
  try {
    const existing = new Set(await admin.listTopics());
    const targets = new Map<string, bigint>(); // `${topic}/${partition}` → offset to reach
    for (const topic of topics.filter((t) => existing.has(t))) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(p.high) > BigInt(p.low)) targets.set(`${topic}/${p.partition}`, BigInt(p.high));
      }
    }
    if (targets.size === 0) return;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: topics.filter((t) => existing.has(t)), fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
        consumer
          .run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              const key = `${batch.topic}/${batch.partition}`;
              const target = targets.get(key);
              if (target === undefined) return;
              const inRange = batch.messages.filter((m) => BigInt(m.offset) < target);
              await apply(inRange.map((m) => fromMessageValue(m.value)));
              const last = batch.messages[batch.messages.length - 1];
              if (last && BigInt(last.offset) + 1n >= target) targets.delete(key);
              if (targets.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Applies whole batches into the copies, under a consumer name of its own. */
function replayApplier(projection: Projection, copies: ReplayCopies): EventApplier {
  return new EventApplier({
    consumer: `replay:${projection.name}:${randomUUID()}`,
    schema: projection.schema,
    projections: [projection],
    maxAttempts: 1,
    maxBatchMs: Number.POSITIVE_INFINITY, // the copies are the replay's own: no one waits on it
    tableName: (_projection, table) => copies.copy(table),
  });
}
