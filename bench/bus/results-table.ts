import { cpus } from 'node:os';
import type { BusLatency, LoadLatency } from './latency-phase';
import type { LatencySummary } from './latency-stats';
import type { Rate, ThroughputResult } from './throughput-phase';

export type TableRow = readonly [label: string, kafka: string, postgres: string];

const HEADER: TableRow = ['', 'Kafka bus', 'Postgres source'];
const SUBHEADER: TableRow = [
  '',
  'KafkaRelay → topic → KafkaEventConsumer',
  'PostgresEventConsumer on A’s store',
];

/** The one table of the report: the two buses side by side. */
export function formatResultsTable(
  latency: Readonly<Record<'kafka' | 'postgres', BusLatency>>,
  throughput: ThroughputResult,
): string {
  const rows: TableRow[] = [];
  const rates = latency.kafka.loads.map((load) => load.rate);
  for (const rate of rates) {
    const kafka = loadAt(latency.kafka, rate);
    const postgres = loadAt(latency.postgres, rate);
    rows.push([
      `e2e latency @ ${rate} ev/s: p50 / p95 / p99`,
      percentiles(kafka?.endToEnd),
      percentiles(postgres?.endToEnd),
    ]);
    rows.push([`  max; probes arrived / measured`, arrival(kafka), arrival(postgres)]);
    rows.push([`  of which append (send → A commit) p50 / p99`, appendShare(kafka), appendShare(postgres)]);
    rows.push([`  of which send → Kafka ack (relay) p50 / p99`, relayShare(kafka), '—']);
    rows.push([`  machine CPU busy while this load ran`, cpuShare(kafka), cpuShare(postgres)]);
  }
  const events = throughput.events.toLocaleString('en-US');
  for (const trial of throughput.relayTrials) {
    rows.push([
      `relay store → Kafka, ${events} ev, batch ${trial.batchSize}`,
      `${perSecond(trial.eventsPerSecond)} (${seconds(trial.elapsedMs)})`,
      '—',
    ]);
  }
  const { kafka, postgres } = throughput.consumers;
  const drained = (rate: Rate) => `${perSecond(rate.eventsPerSecond)} (${seconds(rate.elapsedMs)})`;
  const ratio = (a: Rate, b: Rate) => `${(a.eventsPerSecond / b.eventsPerSecond).toFixed(2)}×`;
  rows.push([
    `consumer → read model (latest_titles, TypeORM entity), ${events} ev`,
    drained(kafka.entity),
    drained(postgres.entity),
  ]);
  rows.push([`  the same with one SQL statement (the floor)`, drained(kafka.sql), drained(postgres.sql)]);
  rows.push([`  entity / SQL`, ratio(kafka.entity, kafka.sql), ratio(postgres.entity, postgres.sql)]);
  rows.push([
    `  batched (handleRun, multi-row entity writes)`,
    drained(kafka.batch),
    drained(postgres.batch),
  ]);
  const relay = bestRelay(throughput);
  rows.push([
    `  batched / best relay rate`,
    `${(kafka.batch.eventsPerSecond / relay).toFixed(2)}×`,
    `${(postgres.batch.eventsPerSecond / relay).toFixed(2)}×`,
  ]);
  return renderTable([HEADER, SUBHEADER], rows);
}

export function bestRelay(throughput: ThroughputResult): number {
  return Math.max(...throughput.relayTrials.map((trial) => trial.eventsPerSecond));
}

export function renderTable(headers: readonly TableRow[], rows: readonly TableRow[]): string {
  const all = [...headers, ...rows];
  const widths = [0, 1, 2].map((column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row: TableRow) =>
    `| ${row[0].padEnd(widths[0])} | ${row[1].padStart(widths[1])} | ${row[2].padStart(widths[2])} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [...headers.map(line), rule, ...rows.map(line)].join('\n');
}

function loadAt(bus: BusLatency, rate: number): LoadLatency | undefined {
  return bus.loads.find((load) => load.rate === rate);
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return '∞';
  return value < 10 ? value.toFixed(1) : value.toFixed(0);
}

function percentiles(summary: LatencySummary | undefined): string {
  return summary ? `${ms(summary.p50)} / ${ms(summary.p95)} / ${ms(summary.p99)} ms` : 'n/a';
}

function arrival(load: LoadLatency | undefined): string {
  return load ? `${ms(load.endToEnd.max)} ms; ${load.arrived} / ${load.measured}` : 'n/a';
}

function appendShare(load: LoadLatency | undefined): string {
  if (!load) return 'n/a';
  const failed = load.appendFailures > 0 ? `, ${load.appendFailures} failed` : '';
  return `${ms(load.append.p50)} / ${ms(load.append.p99)} ms${failed}`;
}

function relayShare(load: LoadLatency | undefined): string {
  return load?.relayAck ? `${ms(load.relayAck.p50)} / ${ms(load.relayAck.p99)} ms` : 'n/a';
}

function cpuShare(load: LoadLatency | undefined): string {
  return load?.cpuBusy === undefined ? 'n/a' : `${Math.round(load.cpuBusy * 100)}% of ${cpus().length} cores`;
}

function perSecond(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ev/s`;
}

function seconds(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(2)} s`;
}
