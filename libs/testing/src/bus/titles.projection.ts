import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@app/domain';
import { eventStoreMigrations } from '@app/platform';
import { PostgresEventStore } from '@app/platform';
import { runMigrations } from '@app/platform';
import { quoteIdent } from '@app/platform';
import type { EventHandler, Projection } from '@app/platform';

/**
 * A small read model used by the bus tests: one row per `item` stream of a producing service,
 * holding its latest title and the number of events applied. `fail` in an event's data makes the
 * handler throw (a poison event); `failUntil` (epoch ms) makes it throw only until then.
 */
export function titlesProjection(options: {
  consumerSchema: string;
  producer: string;
  name?: string;
  /** Given: the projection takes runs of events (`handleRun`) and records each run's length here. */
  runLengths?: number[];
}): Projection {
  const apply: EventHandler = async (event, { sql, table }) => {
    const data = event.data as { title?: string; fail?: boolean };
    if (data.fail) throw new Error(`poison: ${event.eventId}`);
    await sql.query(
      `INSERT INTO ${table('titles')} (stream_id, title, events, last_version, history)
       VALUES ($1, $2, 1, $3, $2)
       ON CONFLICT (stream_id) DO UPDATE
         SET title = EXCLUDED.title, events = ${table('titles')}.events + 1, last_version = EXCLUDED.last_version,
             history = ${table('titles')}.history || ',' || EXCLUDED.title`,
      [event.streamId, data.title ?? '', event.version],
    );
  };
  const runLengths = options.runLengths;
  return {
    name: options.name ?? `${options.consumerSchema}.titles`,
    schema: options.consumerSchema,
    tables: ['titles'],
    sources: [{ service: options.producer, streamTypes: ['item'] }],
    handlers: runLengths ? {} : { TitleSet: apply },
    ...(runLengths && {
      handleRun: async (events, context) => {
        runLengths.push(events.length);
        for (const event of events) if (event.type === 'TitleSet') await apply(event, context);
      },
    }),
  };
}

/** Creates the producer's event store schema and the consumer's schema with the `titles` table. */
export async function prepareTitlesSchemas(
  dataSource: DataSource,
  producer: string,
  consumerSchema: string,
): Promise<PostgresEventStore> {
  await runMigrations(dataSource, producer, eventStoreMigrations);
  await runMigrations(dataSource, consumerSchema, [
    ...eventStoreMigrations,
    {
      version: 101,
      name: 'titles',
      up: (s) => `CREATE TABLE IF NOT EXISTS ${s}.titles (
        stream_id text PRIMARY KEY, title text NOT NULL, events integer NOT NULL, last_version integer NOT NULL, history text NOT NULL)`,
    },
  ]);
  return new PostgresEventStore(dataSource, producer);
}

export interface TitleRow {
  stream_id: string;
  title: string;
  events: number;
  last_version: number;
  history: string;
}

/** The single-threaded fold of the same events: what the read model must equal. */
export function foldTitles(events: readonly EventEnvelope[]): TitleRow[] {
  const rows = new Map<string, TitleRow>();
  for (const event of events) {
    if (event.streamType !== 'item' || event.type !== 'TitleSet') continue;
    const title = String((event.data as { title?: string }).title ?? '');
    const row = rows.get(event.streamId);
    rows.set(
      event.streamId,
      row
        ? {
            ...row,
            title,
            events: row.events + 1,
            last_version: event.version,
            history: `${row.history},${title}`,
          }
        : { stream_id: event.streamId, title, events: 1, last_version: event.version, history: title },
    );
  }
  return [...rows.values()].sort((a, b) =>
    a.stream_id < b.stream_id ? -1 : a.stream_id > b.stream_id ? 1 : 0,
  );
}

export async function readTitles(dataSource: DataSource, consumerSchema: string): Promise<TitleRow[]> {
  return dataSource.query<TitleRow[]>(
    `SELECT stream_id, title, events, last_version, history FROM ${quoteIdent(consumerSchema)}.titles ORDER BY stream_id COLLATE "C"`,
  );
}

/** Appends `count` TitleSet events spread over `streams` item streams, in batches of `perAppend`. */
export async function writeTitles(
  store: PostgresEventStore,
  options: { streams: string[]; count: number; perAppend?: number; prefix?: string },
): Promise<void> {
  const perAppend = options.perAppend ?? 1;
  for (let i = 0; i < options.count; i += perAppend) {
    const streamId = options.streams[(i / perAppend) % options.streams.length];
    const n = Math.min(perAppend, options.count - i);
    await store.append(
      streamId,
      Array.from({ length: n }, (_, k) => ({
        type: 'TitleSet',
        data: { title: `${options.prefix ?? 't'}${i + k}` },
      })),
    );
  }
}
