import { compatibilityPartitioner, Producer, stringSerializers } from '@platformatic/kafka';
import type { RecordBatchProducer, TopicRecords } from '@app/platform/bus/kafka/record-batch-producer';

/**
 * The relay's producer on `@platformatic/kafka`, measured beside kafkajs in `bench:bus`: the same
 * guarantees (acks -1, idempotent, one request at a time, no compression) and the Java client's
 * partitioner, which kafkajs uses too, so a stream keeps its partition whichever client produced it
 * (the library's default hashes differently).
 */
export class PlatformaticRecordProducer implements RecordBatchProducer {
  private readonly producer: Producer<string, string, string, string>;

  constructor(brokers: readonly string[], clientId: string) {
    this.producer = new Producer({
      clientId,
      bootstrapBrokers: [...brokers],
      serializers: stringSerializers,
      idempotent: true,
      acks: -1,
      autocreateTopics: false,
      partitioner: compatibilityPartitioner,
    });
  }

  async connect(): Promise<void> {
    // The client connects on first use; the idempotent producer's id is fetched here, as kafkajs does.
    await this.producer.initIdempotentProducer({});
  }

  async send(request: readonly TopicRecords[]): Promise<void> {
    await this.producer.send({
      messages: request.flatMap(({ topic, records }) =>
        records.map(({ key, value, headers }) => ({ topic, key, value, headers: { ...headers } })),
      ),
    });
  }

  async disconnect(): Promise<void> {
    await this.producer.close();
  }
}
