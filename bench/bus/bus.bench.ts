import { randomBytes } from 'node:crypto';
import { kafkaClient } from '@app/platform/bus/event-bus';
import { ArrivalObserver } from './arrival-observer';
import { BackgroundLoadSampler } from './background-load';
import { epochMs } from './bench-clock';
import { openBenchPostgres, openDataSource } from './bench-database';
import { readBenchFacts } from './bench-facts';
import { busBenchSettingsFromEnv } from './bench-settings';
import { checkTargets, kafkaRunsTarget, P99_TARGET_RATE } from './bench-targets';
import { assertKafkaReachable, deleteBenchTopicsAndGroups } from './kafka-cleanup';
import { measureBusLatency } from './latency-phase';
import { formatClientsTable } from './clients-table';
import { formatResultsTable } from './results-table';
import { measureThroughput } from './throughput-phase';

/**
 * The bus, Kafka against the Postgres source, on one fresh database in one run: end-to-end latency
 * (service A appends → service B's read model committed) at fixed offered loads, then the relay's
 * highest sustained throughput over a pre-loaded store. Progress goes to stderr, the report to stdout.
 */
/** How the figures were measured, for the printed report. */
function methodNotes(
  settings: ReturnType<typeof busBenchSettingsFromEnv>,
  throughput: Awaited<ReturnType<typeof measureThroughput>>,
): string[] {
  const s = (ms: number) => `${ms / 1000} s`;
  return [
    'latency method: service A (the bench process) appends one probe event per append on an open-loop schedule',
    `  (${settings.rates.join(' and ')} events/s, ≤ ${settings.maxInFlight} appends in flight, ${settings.streams} streams); ` +
      'each probe carries its scheduled send time, so late sends count as latency.',
    '  Service B (a child process) applies it with the production consumer; the read-model handler inserts a row',
    '  and pg_notify()s in the same transaction, and PostgreSQL delivers the notification only at commit. An observer',
    '  thread LISTENs and stamps each one on arrival: latency = arrival − scheduled send (one machine clock).',
    `  Per load ${s(settings.warmupMs)} warm-up (discarded), then ${s(settings.measureMs)} measured; a probe that never arrives counts as ∞.`,
    '  Kafka bus: KafkaRelay poked after every append (as the services do), poll interval 10 ms, batches of 1000,',
    '  acks -1, idempotent producer, 3 partitions; KafkaEventConsumer with its defaults (fetch long-poll ≤ 250 ms, answered as soon as',
    '  data arrives; chunks of 500; the partitions of a fetch handled at once, their chunks in one shared transaction;',
    '  offsets committed after it commits).',
    '  Postgres source: PostgresEventConsumer polling A’s store every 10 ms, batches of 500; woken by A’s NOTIFY after each append.',
    '  "send → Kafka ack": stamped in the relay’s afterProduce hook (Kafka acknowledged, checkpoint not yet committed).',
    `throughput method: ${throughput.events.toLocaleString('en-US')} TitleSet events pre-loaded ` +
      `(${settings.preloadPerAppend}/append, ${settings.preloadStreams} streams, ` +
      `${Math.round(throughput.preload.eventsPerSecond).toLocaleString('en-US')} ev/s, untimed), then VACUUM ANALYZE.`,
    '  Relay: timed from start() (producer connected, topic created beforehand) until its checkpoint reaches the',
    '  store’s last event (polled every 10 ms); checkpoint reset and a fresh topic per batch size; produce requests',
    '  ≤ 900 KiB each (maxRequestBytes default), acks -1, idempotent producer, no compression.',
    "  Consumers: the same events into a latest-title-per-stream read model (an upsert per event, or a batch's events as one run",
    '  written with multi-row upserts of up to 256 rows: "batched"), timed between the first poll that',
    '  saw progress and the one that saw all applied (polled every 10 ms); the Kafka consumer reads the first trial’s topic.',
  ];
}

/** Kafka latency runs at the target load (the issue asks for p99 < 50 ms in at least 4 of 5). */
const KAFKA_RUNS = Number(process.env.BUS_BENCH_KAFKA_RUNS ?? 5);

/**
 * The Kafka p99s at the target load: the first run's, then runs 2…KAFKA_RUNS of the latency phase
 * at that load alone, each with its own topic and group.
 */
async function kafkaP99sAtTarget(
  first: Awaited<ReturnType<typeof measureBusLatency>>,
  common: Omit<
    Parameters<typeof measureBusLatency>[0],
    'bus' | 'producerService' | 'producerSchema' | 'consumerName' | 'consumerSchema' | 'firstSeq'
  >,
  servicePrefix: string,
  consumerPrefix: string,
  groups: string[],
): Promise<number[]> {
  const p99s = [first.loads.find((l) => l.rate === P99_TARGET_RATE)?.endToEnd.p99 ?? Number.NaN];
  for (let run = 2; run <= KAFKA_RUNS; run++) {
    groups.push(`${consumerPrefix}-latency${run}`);
    const again = await measureBusLatency({
      ...common,
      settings: { ...common.settings, rates: [P99_TARGET_RATE] },
      bus: 'kafka',
      producerService: `${servicePrefix}k${run}`,
      producerSchema: `bench_producer_kafka${run}`,
      consumerName: groups.at(-1)!,
      consumerSchema: `bench_consumer_kafka${run}`,
      firstSeq: run * 1_000_000,
    });
    p99s.push(again.loads[0].endToEnd.p99);
    progress(`Kafka run ${run} at ${P99_TARGET_RATE} ev/s: p99 ${again.loads[0].endToEnd.p99.toFixed(1)} ms`);
  }
  return p99s;
}

async function main(): Promise<void> {
  const settings = busBenchSettingsFromEnv();
  const started = epochMs();
  const runId = randomBytes(3).toString('hex');
  const servicePrefix = `benchp${runId}`;
  const consumerPrefix = `benchc${runId}`;
  await assertKafkaReachable(settings.brokers);
  const kafka = kafkaClient(settings.brokers, `${servicePrefix}-bench`);
  const groups = [
    `${consumerPrefix}-latency`,
    ...['entity', 'sql', 'batch'].map((writes) => `${consumerPrefix}_bulk-kafka-${writes}`),
  ];
  const pg = await openBenchPostgres();
  try {
    const dataSource = await openDataSource(pg.url, 16);
    const observer = await ArrivalObserver.start(pg.url);
    let sampler: BackgroundLoadSampler | undefined;
    try {
      const facts = await readBenchFacts(dataSource);
      sampler = new BackgroundLoadSampler(dataSource);
      const common = { settings, databaseUrl: pg.url, dataSource, kafka, observer, progress };
      const kafkaLatency = await measureBusLatency({
        ...common,
        bus: 'kafka',
        producerService: `${servicePrefix}k`,
        producerSchema: 'bench_producer_kafka',
        consumerName: groups[0],
        consumerSchema: 'bench_consumer_kafka',
        firstSeq: 1,
      });
      const postgresLatency = await measureBusLatency({
        ...common,
        bus: 'postgres',
        producerService: `${servicePrefix}p`,
        producerSchema: 'bench_producer_pg',
        consumerName: `${consumerPrefix}-latency`,
        consumerSchema: 'bench_consumer_pg',
        firstSeq: 10_000_000,
      });
      const kafkaP99s = await kafkaP99sAtTarget(kafkaLatency, common, servicePrefix, consumerPrefix, groups);
      const throughput = await measureThroughput({
        ...common,
        servicePrefix: `${servicePrefix}t`,
        producerSchema: 'bench_producer_bulk',
        consumerPrefix: `${consumerPrefix}_bulk`,
        groups,
      });
      const background = sampler.stop();
      const latency = { kafka: kafkaLatency, postgres: postgresLatency };
      const report = formatReport({
        pg,
        facts,
        settings,
        background,
        latency,
        throughput,
        kafkaP99s,
        started,
      });
      process.stdout.write(`${report.join('\n')}\n`);
    } finally {
      sampler?.stop();
      await observer.close();
      await dataSource.destroy();
      await deleteBenchTopicsAndGroups(kafka, servicePrefix, groups).catch((error: unknown) =>
        progress(
          `could not delete the bench topics: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  } finally {
    await pg.close();
  }
}

/** The printed report: where the run was made, the two tables, the method and the targets. */
function formatReport(run: {
  readonly pg: Awaited<ReturnType<typeof openBenchPostgres>>;
  readonly facts: Awaited<ReturnType<typeof readBenchFacts>>;
  readonly settings: ReturnType<typeof busBenchSettingsFromEnv>;
  readonly background: ReturnType<BackgroundLoadSampler['stop']>;
  readonly latency: Parameters<typeof formatResultsTable>[0];
  readonly throughput: Awaited<ReturnType<typeof measureThroughput>>;
  readonly kafkaP99s: readonly number[];
  readonly started: number;
}): string[] {
  const { pg, facts, settings, background, latency, throughput, kafkaP99s, started } = run;
  return [
    '',
    ...runFacts(pg, facts, settings, background),
    '',
    formatResultsTable(latency, throughput),
    '',
    formatClientsTable(throughput.clients, throughput.events),
    '',
    `Kafka e2e p99 at ${P99_TARGET_RATE} ev/s, ${KAFKA_RUNS} runs: ${kafkaP99s.map((p) => `${p.toFixed(1)} ms`).join(', ')}`,
    '',
    ...methodNotes(settings, throughput),
    '',
    'targets:',
    ...[...checkTargets(latency, throughput), kafkaRunsTarget(kafkaP99s)].map(
      (check) => `  ${check.met ? 'met    ' : 'NOT MET'}  ${check.description}`,
    ),
    '',
    `total ${((epochMs() - started) / 1000).toFixed(1)} s`,
  ];
}

/** Where and under what load the run was made. */
function runFacts(
  pg: Awaited<ReturnType<typeof openBenchPostgres>>,
  facts: Awaited<ReturnType<typeof readBenchFacts>>,
  settings: ReturnType<typeof busBenchSettingsFromEnv>,
  background: ReturnType<BackgroundLoadSampler['stop']>,
): string[] {
  return [
    `Bus benchmark: Kafka bus vs Postgres source, one run, one fresh database (${pg.databaseName} via ${pg.source})`,
    `machine: ${facts.cores} cores (${facts.cpuModel}), ${facts.memoryGiB} GiB, Node ${facts.node}; ` +
      `PostgreSQL ${facts.postgres} (synchronous_commit=${facts.synchronousCommit}, fsync=${facts.fsync}); ` +
      `Kafka ${settings.brokers.join(',')}`,
    `background during the run: ${background.otherSessionsMean.toFixed(1)} active sessions of other databases on the ` +
      `server on average (max ${background.otherSessionsMax}); 1-min load average up to ${background.loadAverageMax.toFixed(2)}; ` +
      `machine CPU ${background.cpuBusy === undefined ? 'n/a' : `${Math.round(background.cpuBusy * 100)}%`} busy (everything, this bench included)`,
  ];
}

function progress(line: string): void {
  process.stderr.write(`[bench:bus] ${line}\n`);
}

// Exits explicitly: a client that failed to connect (kafkajs retries) must not keep the bench alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
