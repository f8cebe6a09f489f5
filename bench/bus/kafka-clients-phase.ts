import type { Kafka } from 'kafkajs';
import { TopicProvisioner } from '@app/platform/bus/kafka/kafka-topics';
import { topicFor } from '@app/platform/topics/topic-names';
import { epochMs, sleep } from './bench-clock';
import {
  drainWithKafkajs,
  drainWithPlatformatic,
  idleWithKafkajs,
  idleWithPlatformatic,
} from './kafka-client-drains';
import type { IdleClient } from './kafka-client-drains';
import { PlatformaticRecordProducer } from './platformatic-record-producer';
import { runRelayTrial } from './relay-trial';
import type { Rate, RelayTrial, RelayTrialOptions } from './relay-trial';

export const KAFKA_CLIENTS = ['kafkajs', 'platformatic'] as const;
export type KafkaClientName = (typeof KAFKA_CLIENTS)[number];

/** kafkajs 2.2.4 (what the services use) against `@platformatic/kafka` on the same broker and events. */
export interface KafkaClientComparison {
  /** The relay over the whole store, batches of 1000, the clients taking turns (two rounds). */
  readonly relay: Readonly<Record<KafkaClientName, readonly RelayTrial[]>>;
  /** A bare consumer reading the relayed topic from the start and parsing each value: the client's floor. */
  readonly consume: Readonly<Record<KafkaClientName, Rate>>;
  /** CPU of this process while one idle consumer sits in its group, ms per second; `none`: no client. */
  readonly idleCpuMsPerSecond: Readonly<Record<KafkaClientName | 'none', number>>;
}

export interface KafkaClientsPhaseOptions extends Omit<
  RelayTrialOptions,
  'service' | 'producer' | 'batchSize' | 'provisioner'
> {
  readonly kafka: Kafka;
  readonly brokers: readonly string[];
  readonly servicePrefix: string;
  /** Consumer groups made here are added, so the bench deletes them at the end. */
  readonly groups: string[];
}

const ROUNDS = 2;
const BATCH_SIZE = 1000;
const IDLE_MS = 5_000;

export async function compareKafkaClients(options: KafkaClientsPhaseOptions): Promise<KafkaClientComparison> {
  const provisioner = new TopicProvisioner(options.kafka, { partitions: 3, replicationFactor: -1 });
  try {
    return await compareOn(provisioner, options);
  } finally {
    await provisioner.close();
  }
}

async function compareOn(
  provisioner: TopicProvisioner,
  options: KafkaClientsPhaseOptions,
): Promise<KafkaClientComparison> {
  const { progress } = options;
  const relay: Record<KafkaClientName, RelayTrial[]> = { kafkajs: [], platformatic: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const client of KAFKA_CLIENTS) {
      const service = `${options.servicePrefix}${client === 'kafkajs' ? 'k' : 'p'}${round}`;
      const trial = await runRelayTrial({
        ...options,
        provisioner,
        service,
        batchSize: BATCH_SIZE,
        producer:
          client === 'platformatic'
            ? () => new PlatformaticRecordProducer(options.brokers, `${service}-relay`)
            : undefined,
      });
      relay[client].push(trial);
      progress(`relay on ${client}, round ${round}: ${Math.round(trial.eventsPerSecond)} events/s`);
    }
  }

  const topic = topicFor(`${options.servicePrefix}k1`, 'item');
  const group = (name: string) => {
    options.groups.push(`${options.servicePrefix}-${name}`);
    return options.groups.at(-1)!;
  };
  const consume = {
    kafkajs: await drainWithKafkajs(options.kafka, topic, group('drain-kafkajs'), options.events),
    platformatic: await drainWithPlatformatic(
      options.brokers,
      topic,
      group('drain-platformatic'),
      options.events,
    ),
  };
  for (const client of KAFKA_CLIENTS)
    progress(`bare consumer on ${client}: ${Math.round(consume[client].eventsPerSecond)} events/s`);

  const idleTopic = topicFor(`${options.servicePrefix}idle`, 'item');
  await provisioner.ensure([idleTopic]);
  const idleCpuMsPerSecond = {
    none: await cpuWhileIdle(async () => ({ close: async () => undefined })),
    kafkajs: await cpuWhileIdle(() => idleWithKafkajs(options.kafka, idleTopic, group('idle-kafkajs'))),
    platformatic: await cpuWhileIdle(() =>
      idleWithPlatformatic(options.brokers, idleTopic, group('idle-platformatic')),
    ),
  };
  progress(
    `idle CPU, ms/s: none ${idleCpuMsPerSecond.none.toFixed(2)}, kafkajs ${idleCpuMsPerSecond.kafkajs.toFixed(2)}, ` +
      `platformatic ${idleCpuMsPerSecond.platformatic.toFixed(2)}`,
  );
  return { relay, consume, idleCpuMsPerSecond };
}

/** Joins, settles for a second, then measures this process's CPU for `IDLE_MS`. */
async function cpuWhileIdle(join: () => Promise<IdleClient>): Promise<number> {
  const client = await join();
  try {
    await sleep(1_000);
    const before = process.cpuUsage();
    const startedMs = epochMs();
    await sleep(IDLE_MS);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / ((epochMs() - startedMs) / 1000);
  } finally {
    await client.close();
  }
}
