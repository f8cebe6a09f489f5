import { Consumer, stringDeserializers } from '@platformatic/kafka';
import type { Kafka } from 'kafkajs';
import { epochMs } from './bench-clock';
import { rate } from './relay-trial';
import type { Rate } from './relay-trial';

const DRAIN_TIMEOUT_MS = 120_000;
/** As the services' consumer: a fetch long-polls at most this long. */
const MAX_WAIT_MS = 250;

export interface IdleClient {
  close(): Promise<void>;
}

/** Counts what a drain has seen; the rate runs from the first delivery (group join not included). */
class DrainCount {
  private seen = 0;
  private firstCount = 0;
  private firstMs = 0;
  private finish: ((doneMs: number) => void) | undefined;
  readonly done: Promise<number>;

  constructor(private readonly events: number) {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  add(values: readonly (string | undefined)[]): void {
    for (const value of values) JSON.parse(value ?? 'null');
    if (this.seen === 0) [this.firstMs, this.firstCount] = [epochMs(), values.length];
    this.seen += values.length;
    if (this.seen >= this.events) this.finish?.(epochMs());
  }

  async rate(): Promise<Rate> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`drain saw ${this.seen} of ${this.events} events in ${DRAIN_TIMEOUT_MS} ms`)),
        DRAIN_TIMEOUT_MS,
      );
    });
    try {
      const doneMs = await Promise.race([this.done, timeout]);
      return rate(this.seen - this.firstCount, doneMs - this.firstMs);
    } finally {
      clearTimeout(timer);
    }
  }
}

export async function drainWithKafkajs(
  kafka: Kafka,
  topic: string,
  groupId: string,
  events: number,
): Promise<Rate> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: MAX_WAIT_MS, allowAutoTopicCreation: false });
  const count = new DrainCount(events);
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => count.add(batch.messages.map((message) => message.value?.toString())),
    });
    return await count.rate();
  } finally {
    await consumer.disconnect();
  }
}

export async function drainWithPlatformatic(
  brokers: readonly string[],
  topic: string,
  groupId: string,
  events: number,
): Promise<Rate> {
  const consumer = platformaticConsumer(brokers, groupId);
  const count = new DrainCount(events);
  try {
    const stream = await consumer.consume({
      topics: [topic],
      mode: 'earliest',
      autocommit: false,
      maxWaitTime: MAX_WAIT_MS,
    });
    stream.on('data', (message: { value: string }) => count.add([message.value]));
    try {
      return await count.rate();
    } finally {
      await stream.close();
    }
  } finally {
    await consumer.close();
  }
}

export async function idleWithKafkajs(kafka: Kafka, topic: string, groupId: string): Promise<IdleClient> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: MAX_WAIT_MS, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic] });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({ eachBatch: async () => undefined });
  await joined;
  return { close: () => consumer.disconnect() };
}

export async function idleWithPlatformatic(
  brokers: readonly string[],
  topic: string,
  groupId: string,
): Promise<IdleClient> {
  const consumer = platformaticConsumer(brokers, groupId);
  const stream = await consumer.consume({ topics: [topic], mode: 'latest', maxWaitTime: MAX_WAIT_MS });
  stream.on('data', () => undefined);
  return {
    close: async () => {
      await stream.close();
      await consumer.close();
    },
  };
}

function platformaticConsumer(brokers: readonly string[], groupId: string) {
  return new Consumer({
    clientId: `${groupId}-client`,
    groupId,
    bootstrapBrokers: [...brokers],
    deserializers: stringDeserializers,
  });
}
