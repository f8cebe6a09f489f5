import type { DataSource } from 'typeorm';
import type { BusEvent } from '@app/platform/bus/bus-event';
import type { Projection } from '@app/platform/bus/projection';
import { prepareTitlesSchemas } from '@app/testing/bus/titles.projection';
import type { PostgresEventStore } from '@app/platform/event-store/postgres-event-store';
import { quoteIdent } from '@app/platform/persistence/sql-executor';
import { writeEntities, writeEntity } from '@app/platform/persistence/write-entity';
import { LatestTitle } from './latest-title.entity';

/**
 * The read model of the throughput phase: the latest title of each `item` stream, one upsert per
 * `TitleSet` event (the usual "current state of an aggregate" view). Unlike the tests' titles
 * fixture it keeps no growing history, so its cost per event does not grow with the stream.
 * `entity` writes it as the services write theirs (TypeORM's EntityManager in the consumer's
 * transaction, through `writeEntity`); `sql` with one hand-written statement, the floor to compare with;
 * `batch` takes a batch's events as one run (`handleRun`) and writes them with multi-row statements.
 */
export function latestTitlesProjection(options: {
  consumerSchema: string;
  producer: string;
  writes: 'entity' | 'sql' | 'batch';
}): Projection {
  if (options.writes === 'batch')
    return {
      name: `${options.consumerSchema}.latest_titles`,
      schema: options.consumerSchema,
      tables: ['latest_titles'],
      sources: [{ service: options.producer, streamTypes: ['item'] }],
      handlers: {},
      handleRun: async (events, { manager }) => {
        const rows = events
          .filter((event) => event.type === 'TitleSet')
          .map((event): LatestTitle => ({
            streamId: event.streamId,
            title: titleOf(event),
            version: event.version,
          }));
        await writeEntities(manager, LatestTitle, rows, 'update');
      },
    };
  return {
    name: `${options.consumerSchema}.latest_titles`,
    schema: options.consumerSchema,
    tables: ['latest_titles'],
    sources: [{ service: options.producer, streamTypes: ['item'] }],
    handlers: {
      TitleSet:
        options.writes === 'entity'
          ? async (event, { manager }) => {
              const latest: LatestTitle = {
                streamId: event.streamId,
                title: titleOf(event),
                version: event.version,
              };
              await writeEntity(manager, LatestTitle, latest, 'update');
            }
          : async (event, { sql, table }) => {
              await sql.query(
                `INSERT INTO ${table('latest_titles')} (stream_id, title, version) VALUES ($1, $2, $3)
                 ON CONFLICT (stream_id) DO UPDATE SET title = EXCLUDED.title, version = EXCLUDED.version`,
                [event.streamId, titleOf(event), event.version],
              );
            },
    },
  };
}

/** The producer's event store and the consumer's schema (bus tables and `latest_titles`). */
export async function prepareLatestTitlesSchemas(
  dataSource: DataSource,
  producerSchema: string,
  consumerSchema: string,
): Promise<PostgresEventStore> {
  const store = await prepareTitlesSchemas(dataSource, producerSchema, consumerSchema);
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(consumerSchema)}.latest_titles (
       stream_id text PRIMARY KEY, title text NOT NULL, version bigint NOT NULL)`,
  );
  return store;
}

function titleOf(event: BusEvent): string {
  const { title } = event.data;
  return typeof title === 'string' ? title : '';
}
