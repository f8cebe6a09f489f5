import type { BusLatency } from './latency-phase';
import type { ThroughputResult } from './throughput-phase';

export interface TargetCheck {
  readonly met: boolean;
  readonly description: string;
}

export const P99_TARGET_MS = 50;
export const P99_TARGET_RATE = 1000;
export const RELAY_TARGET_EVENTS_PER_SECOND = 20_000;
export const CONSUMER_TARGET_SHARE_OF_RELAY = 0.7;

/** The targets: p99 < 50 ms at 1,000 events/s (each bus), ≥ 20k events/s through the relay. */
export function checkTargets(
  latency: Readonly<Record<'kafka' | 'postgres', BusLatency>>,
  throughput: ThroughputResult,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const bus of [latency.kafka, latency.postgres]) {
    const load = bus.loads.find((candidate) => candidate.rate === P99_TARGET_RATE);
    const p99 = load?.endToEnd.p99 ?? Number.NaN;
    checks.push({
      met: p99 < P99_TARGET_MS,
      description: `${bus.bus === 'kafka' ? 'Kafka bus' : 'Postgres source'}: p99 < ${P99_TARGET_MS} ms at ${P99_TARGET_RATE} events/s (measured ${p99.toFixed(1)} ms)`,
    });
  }
  const best = Math.max(...throughput.relayTrials.map((trial) => trial.eventsPerSecond));
  const bestTrial = throughput.relayTrials.find((trial) => trial.eventsPerSecond === best);
  checks.push({
    met: best >= RELAY_TARGET_EVENTS_PER_SECOND,
    description:
      `relay ≥ ${RELAY_TARGET_EVENTS_PER_SECOND.toLocaleString('en-US')} events/s sustained ` +
      `(best ${Math.round(best).toLocaleString('en-US')} events/s, batch size ${bestTrial?.batchSize ?? 'n/a'})`,
  });
  for (const bus of ['kafka', 'postgres'] as const) {
    const batched = throughput.consumers[bus].batch.eventsPerSecond;
    checks.push({
      met: batched >= CONSUMER_TARGET_SHARE_OF_RELAY * best,
      description:
        `${bus === 'kafka' ? 'Kafka' : 'Postgres source'} consumer → read model (batched) ≥ ${CONSUMER_TARGET_SHARE_OF_RELAY}× the relay ` +
        `(${Math.round(batched).toLocaleString('en-US')} events/s = ${(batched / best).toFixed(2)}×)`,
    });
  }
  return checks;
}

/** p99 under the target in at least four of five Kafka runs (every run reported). */
export function kafkaRunsTarget(p99s: readonly number[]): TargetCheck {
  const under = p99s.filter((p99) => p99 < P99_TARGET_MS).length;
  const needed = Math.ceil(p99s.length * 0.8);
  return {
    met: under >= needed,
    description: `Kafka bus: p99 < ${P99_TARGET_MS} ms at ${P99_TARGET_RATE} events/s in ${under} of ${p99s.length} runs (${needed} needed)`,
  };
}
