import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from '../wait-for';

/**
 * CI smoke test: kafkajs 2.2.4 against the real Kafka 4.x broker. Create a topic, produce with
 * the idempotent producer, consume in a group, delete the topic.
 */
const brokers = process.env.KAFKA_BROKERS?.split(',');
const describeWithKafka = brokers ? describe : describe.skip;

describeWithKafka('Kafka broker (kafkajs smoke test)', () => {
  const kafka = new Kafka({
    clientId: 'codemyspec-smoke',
    brokers: brokers ?? [],
    logLevel: logLevel.NOTHING,
    retry: { retries: 10 },
  });

  it('creates a topic, produces, consumes in a group and deletes the topic', async () => {
    const topic = `codemyspec.smoke.${randomUUID()}.v1`;
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const consumer = kafka.consumer({ groupId: `smoke-${randomUUID()}` });
    try {
      expect(
        await admin.createTopics({
          topics: [
            {
              topic,
              numPartitions: 3,
              replicationFactor: 1,
              configEntries: [{ name: 'retention.ms', value: '-1' }],
            },
          ],
          waitForLeaders: true,
        }),
      ).toBe(true);
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0].partitions).toHaveLength(3);

      await producer.connect();
      const keys = ['story-a', 'story-b', 'story-c'];
      await producer.send({
        topic,
        acks: -1,
        messages: keys.map((key, i) => ({
          key,
          value: JSON.stringify({ i }),
          headers: { 'event-type': 'SmokeTested' },
        })),
      });

      const received: { key: string; value: string; eventType: string }[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          received.push({
            key: message.key!.toString(),
            value: message.value!.toString(),
            eventType: message.headers!['event-type']!.toString(),
          });
        },
      });
      await waitFor(() => received.length === 3, 30_000, 'three messages');
      expect(received.map((r) => r.key).sort()).toEqual(keys);
      expect(received.every((r) => r.eventType === 'SmokeTested')).toBe(true);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
    const remaining = await withAdmin(kafka, (a) => a.listTopics());
    expect(remaining).not.toContain(topic);
  }, 90_000);
});

async function withAdmin<T>(
  kafka: Kafka,
  work: (admin: ReturnType<Kafka['admin']>) => Promise<T>,
): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
