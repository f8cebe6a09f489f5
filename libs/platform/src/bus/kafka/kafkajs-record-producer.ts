import type { Kafka, Producer } from 'kafkajs';
import { CompressionTypes } from 'kafkajs';
import type { RecordBatchProducer, TopicRecords } from './record-batch-producer';

/** The relay's producer on kafkajs (the client the services use; see the README on Kafka clients). */
export class KafkajsRecordProducer implements RecordBatchProducer {
  private readonly producer: Producer;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(request: readonly TopicRecords[]): Promise<void> {
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: request.map(({ topic, records }) => ({
        topic,
        messages: records.map(({ key, value, headers }) => ({ key, value, headers: { ...headers } })),
      })),
    });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
