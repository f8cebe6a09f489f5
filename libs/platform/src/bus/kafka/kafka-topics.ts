import type { Admin, Kafka } from 'kafkajs';
import { pollUntil } from '../../retry/retry';

export interface TopicSettings {
  readonly partitions: number;
  /** -1: the broker's default replication factor. */
  readonly replicationFactor: number;
}

/**
 * Creates event topics on first use with `retention.ms=-1` (the topics are the audit log).
 * Creating a topic that exists is harmless; known topics are remembered.
 */
export class TopicProvisioner {
  private readonly known = new Set<string>();
  private admin: Admin | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: TopicSettings,
  ) {}

  async ensure(topics: Iterable<string>): Promise<void> {
    const missing = [...new Set(topics)].filter((topic) => !this.known.has(topic));
    if (missing.length === 0) return;
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const toCreate = missing.filter((topic) => !existing.has(topic));
    if (toCreate.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: toCreate.map((topic) => ({
            topic,
            numPartitions: this.settings.partitions,
            replicationFactor: this.settings.replicationFactor,
            configEntries: [{ name: 'retention.ms', value: '-1' }],
          })),
        });
      } catch (error) {
        // Another instance may have created them in between, or the broker has created them but
        // does not serve them yet (waitForLeaders gave up under load: waited for below); anything
        // else is real.
        const exists = error instanceof Error && /already exists/i.test(error.message);
        if (!exists && !isTopicNotServedYet(error)) throw error;
      }
    }
    await this.waitUntilServed(admin, missing);
    for (const topic of missing) this.known.add(topic);
  }

  /**
   * Waits until every topic has all its partitions led by a broker. A consumer that joins its group
   * before that (a topic created a moment ago, perhaps by another service racing us) can be given
   * no partitions of it, and kafkajs does not rebalance when they appear.
   */
  private async waitUntilServed(admin: Admin, topics: readonly string[], timeoutMs = 30_000): Promise<void> {
    const served = async (): Promise<boolean> => {
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
        return (
          metadata.length === topics.length &&
          metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))
        );
      } catch {
        return false; // metadata not available yet
      }
    };
    if (!(await pollUntil(served, { timeoutMs, firstMs: 20, maxMs: 200 })))
      throw new Error(
        `Kafka topics are not served by a leader after ${timeoutMs / 1000} s: ${topics.join(', ')}`,
      );
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect();
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}

/** A broker's "not (yet) hosting this topic" or "not the leader (any more)" answer, possibly wrapped by kafkajs's retrier. */
export function isTopicNotServedYet(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { type, retriable, originalError, cause } = current as {
      type?: string;
      retriable?: boolean;
      originalError?: unknown;
      cause?: unknown;
    };
    if (
      type === 'UNKNOWN_TOPIC_OR_PARTITION' ||
      type === 'LEADER_NOT_AVAILABLE' ||
      type === 'NOT_LEADER_FOR_PARTITION' ||
      retriable === true
    )
      return true;
    current = originalError ?? cause;
  }
  return /does not host this topic-partition|not the leader|leader/i.test(
    error instanceof Error ? error.message : '',
  );
}
