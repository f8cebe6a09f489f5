import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { Projection, ProjectionDeps, ReplaySource, ServiceName } from '@app/platform';
import { envReader, kafkaClient, PostgresEventStore, replayProjection } from '@app/platform';
import {
  readModelEntities as architectEntities,
  readModels as architectReadModels,
} from '../apps/architect/src/read-models';
import {
  readModelEntities as gatewayEntities,
  readModels as gatewayReadModels,
} from '../apps/gateway/src/read-models';
import {
  readModelEntities as sessionsEntities,
  readModels as sessionsReadModels,
} from '../apps/sessions/src/read-models';
import {
  readModelEntities as storiesEntities,
  readModels as storiesReadModels,
} from '../apps/stories/src/read-models';
import { checkGitRecord } from './git-record-check';

/**
 * `npm run replay -- <read-model> [--from event-store|kafka] [--keep]`
 * Rebuilds a read model from the beginning into fresh tables and compares checksums with the live one.
 */
const SERVICES: Record<ServiceName, (deps: ProjectionDeps) => Projection[]> = {
  stories: storiesReadModels,
  architect: architectReadModels,
  sessions: sessionsReadModels,
  gateway: gatewayReadModels,
};

/** Every replayable read model (reactions append events, so they are never replayed). */
function allReadModels(dataSource: DataSource): Projection[] {
  return Object.entries(SERVICES)
    .flatMap(([service, list]) =>
      list({
        config: { schema: service, service: service as ServiceName },
        dataSource,
        store: new PostgresEventStore(dataSource, service),
      }),
    )
    .filter((projection) => projection.kind !== 'reaction');
}

function databaseUrl(): string {
  const read = envReader();
  const fromEnv = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  if (fromEnv) return fromEnv;
  // The embedded default: reach the cluster `npm start` runs.
  const dataDir = resolve(read.string('CODEMYSPEC_DATA_DIR', './.data'));
  const passwordFile = resolve(dataDir, 'postgres.password');
  if (!existsSync(passwordFile))
    throw new Error(
      `DATABASE_URL is unset and no embedded cluster was found in ${dataDir} (start the system with npm start)`,
    );
  const password = readFileSync(passwordFile, 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${read.port('CODEMYSPEC_PG_PORT', 54329)}/postgres`;
}

async function main(args: string[]): Promise<number> {
  const entities = [
    ...new Set([...architectEntities, ...gatewayEntities, ...sessionsEntities, ...storiesEntities]),
  ];
  const dataSource = await new DataSource({ type: 'postgres', url: databaseUrl(), entities }).initialize();
  try {
    return await replay(args, dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The git record writes repositories, not only tables: it is rebuilt into a temporary folder and compared there. */
const GIT_RECORD = 'sessions.git-record';

/** Where the events come from: `--from`, else Kafka when KAFKA_BROKERS is set, else the event stores. */
function replaySource(from: string | undefined): ReplaySource | string {
  const brokers = envReader().list('KAFKA_BROKERS');
  const kind = from ?? (brokers ? 'kafka' : 'event-store');
  if (kind !== 'kafka' && kind !== 'event-store') return `--from must be event-store or kafka, got ${kind}`;
  if (kind === 'kafka' && !brokers) return '--from kafka needs KAFKA_BROKERS';
  return kind === 'kafka'
    ? {
        kind,
        kafka: kafkaClient(brokers ?? [], 'codemyspec-replay'),
        topicNamespace: process.env.KAFKA_TOPIC_NAMESPACE || undefined,
      }
    : { kind };
}

async function replay(args: string[], dataSource: DataSource): Promise<number> {
  const models = allReadModels(dataSource);
  const name = args.find((a) => !a.startsWith('--'));
  const fromIndex = args.indexOf('--from');
  if (!name || args.includes('--help')) {
    process.stdout.write(
      `usage: npm run replay -- <read-model> [--from event-store|kafka] [--keep]\n\nread models:\n${[...models.map((m) => m.name), GIT_RECORD].map((m) => `  ${m}`).join('\n')}\n`,
    );
    return name ? 0 : 2;
  }
  const projection = models.find((m) => m.name === name);
  if (!projection && name !== GIT_RECORD) {
    process.stderr.write(
      `unknown read model "${name}". Known: ${[...models.map((m) => m.name), GIT_RECORD].join(', ')}\n`,
    );
    return 2;
  }
  const source = replaySource(fromIndex >= 0 ? args[fromIndex + 1] : undefined);
  if (typeof source === 'string') {
    process.stderr.write(`${source}\n`);
    return 2;
  }
  const onProgress = (events: number) => process.stderr.write(`\rreplayed ${events} events`);
  const report = projection
    ? await replayProjection({
        projection,
        dataSource,
        source,
        keepCopies: args.includes('--keep'),
        onProgress,
      })
    : await checkGitRecord({
        dataSource,
        source,
        liveRoot: resolve(envReader().string('CODEMYSPEC_DATA_DIR', './.data'), 'repos'),
        onProgress,
      });
  process.stderr.write('\n');
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return report.equal ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`replay failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
