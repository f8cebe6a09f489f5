import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { KafkaRelay } from '@app/platform/bus/kafka/kafka-relay';
import type { ArrivalObserver } from './arrival-observer';
import { epochMs, sleep } from './bench-clock';
import type { BusBenchSettings } from './bench-settings';
import { ConsumerProcess } from './consumer-process';
import { busyShare, readCpuTimes } from './cpu-times';
import type { BusKind } from './consumer-protocol';
import { prepareLatencySchemas } from './latency-projection';
import type { LatencySummary } from './latency-stats';
import { summarizeLatencies } from './latency-stats';
import { runOpenLoop } from './open-loop-writer';

export interface LoadLatency {
  readonly rate: number;
  /** Scheduled send → read-model commit (heard by the observer); a probe that never arrived is +∞. */
  readonly endToEnd: LatencySummary;
  /** Scheduled send → the append committed in service A. */
  readonly append: LatencySummary;
  /** Kafka bus only: scheduled send → Kafka acknowledged the relay's batch (before its checkpoint commits). */
  readonly relayAck?: LatencySummary;
  readonly measured: number;
  readonly arrived: number;
  readonly appendFailures: number;
  readonly firstFailure?: string;
  readonly maxBacklog: number;
  /** Share of the machine's CPU busy while this load ran (warm-up included; everything on the machine). */
  readonly cpuBusy: number | undefined;
}

export interface BusLatency {
  readonly bus: BusKind;
  readonly loads: readonly LoadLatency[];
}

export interface LatencyPhaseOptions {
  readonly bus: BusKind;
  readonly settings: BusBenchSettings;
  readonly databaseUrl: string;
  /** Service A's pool: the writer's appends and, on the Kafka bus, the relay. */
  readonly dataSource: DataSource;
  readonly kafka: Kafka;
  readonly observer: ArrivalObserver;
  /** Producing service (its topic on the Kafka bus); its event store is in `producerSchema`. */
  readonly producerService: string;
  readonly producerSchema: string;
  readonly consumerName: string;
  readonly consumerSchema: string;
  /** Probe sequence numbers start here (unique across the run: the observer hears every phase). */
  readonly firstSeq: number;
  readonly progress: (line: string) => void;
}

/** The producer's relay, stamping when Kafka acknowledged each probe. */
function latencyRelay(
  options: LatencyPhaseOptions,
  store: Awaited<ReturnType<typeof prepareLatencySchemas>>,
  ackedMs: Map<number, number>,
): KafkaRelay {
  const { progress } = options;
  return new KafkaRelay({
    service: options.producerService,
    kafka: options.kafka,
    dataSource: options.dataSource,
    store,
    afterProduce: (events) => {
      const now = epochMs();
      for (const event of events) {
        const { seq, sentMs } = event.data;
        if (typeof seq === 'number' && typeof sentMs === 'number') ackedMs.set(seq, now - sentMs);
      }
    },
    onError: (error, attempt) =>
      progress(`relay attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
}

/** One offered load: the open-loop writer, then every measured probe's arrival. */
async function measureLoad(
  options: LatencyPhaseOptions,
  run: {
    readonly store: Awaited<ReturnType<typeof prepareLatencySchemas>>;
    readonly rate: number;
    readonly firstSeq: number;
    readonly streams: string[];
    readonly relay: KafkaRelay | undefined;
    readonly ackedMs: Map<number, number>;
  },
): Promise<{ load: LoadLatency; written: Awaited<ReturnType<typeof runOpenLoop>> }> {
  const { settings } = options;
  const { store, rate, firstSeq, streams, relay, ackedMs } = run;
  const cpuBefore = readCpuTimes();
  const written = await runOpenLoop({
    store,
    rate,
    durationMs: settings.warmupMs + settings.measureMs,
    firstSeq,
    streams,
    maxInFlight: settings.maxInFlight,
    afterAppend: relay ? () => relay.poke() : undefined,
  });
  const cpuBusy = busyShare(cpuBefore, readCpuTimes());
  const warmup = Math.round((settings.warmupMs * rate) / 1000);
  const measuredSeqs = Array.from({ length: written.count - warmup }, (_, i) => firstSeq + warmup + i);
  await waitForArrivals(options.observer, measuredSeqs, settings.drainTimeoutMs);
  const endToEnd = measuredSeqs.map((seq) => options.observer.latencyOf(seq) ?? Number.POSITIVE_INFINITY);
  const load: LoadLatency = {
    rate,
    endToEnd: summarizeLatencies(endToEnd),
    append: summarizeLatencies(written.appendLatencies.subarray(warmup)),
    relayAck: relay
      ? summarizeLatencies(measuredSeqs.map((seq) => ackedMs.get(seq) ?? Number.POSITIVE_INFINITY))
      : undefined,
    measured: measuredSeqs.length,
    arrived: endToEnd.filter((latency) => Number.isFinite(latency)).length,
    appendFailures: written.failures,
    firstFailure: written.firstFailure,
    maxBacklog: written.maxBacklog,
    cpuBusy,
  };
  return { load, written };
}

/**
 * End-to-end latency of one bus: service A appends probes at each offered load (open loop, one
 * event per append, poking the relay after each commit as production does), service B (another
 * process) applies them to its read model, and the observer hears each read-model commit.
 */
export async function measureBusLatency(options: LatencyPhaseOptions): Promise<BusLatency> {
  const { settings, progress } = options;
  const store = await prepareLatencySchemas(
    options.dataSource,
    options.producerSchema,
    options.consumerSchema,
  );
  const ackedMs = new Map<number, number>();
  const relay = options.bus === 'kafka' ? latencyRelay(options, store, ackedMs) : undefined;
  const streams = Array.from({ length: settings.streams }, () => `item-${randomUUID()}`);
  const loads: LoadLatency[] = [];
  try {
    await relay?.start();
    const consumer = await ConsumerProcess.start({
      bus: options.bus,
      readModel: 'arrivals',
      databaseUrl: options.databaseUrl,
      brokers: settings.brokers,
      name: options.consumerName,
      schema: options.consumerSchema,
      producerService: options.producerService,
      producerSchema: options.producerSchema,
    });
    try {
      let firstSeq = options.firstSeq;
      for (const rate of settings.rates) {
        progress(`${options.bus}: ${rate} events/s for ${(settings.warmupMs + settings.measureMs) / 1000} s`);
        const { load, written } = await measureLoad(options, {
          store,
          rate,
          firstSeq,
          streams,
          relay,
          ackedMs,
        });
        loads.push(load);
        progress(
          `${options.bus}: ${rate}/s: p50 ${load.endToEnd.p50.toFixed(1)} ms, p99 ${load.endToEnd.p99.toFixed(1)} ms ` +
            `(${load.arrived}/${load.measured} arrived; writer backlog ≤ ${load.maxBacklog}` +
            `${load.firstFailure ? `; ${load.appendFailures} appends failed, first: ${load.firstFailure}` : ''})`,
        );
        firstSeq += written.count;
      }
    } finally {
      await consumer.stop();
    }
  } finally {
    await relay?.stop();
  }
  return { bus: options.bus, loads };
}

async function waitForArrivals(
  observer: ArrivalObserver,
  seqs: readonly number[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await observer.collect();
    if (seqs.every((seq) => observer.latencyOf(seq) !== undefined) || Date.now() > deadline) return;
    await sleep(100);
  }
}
