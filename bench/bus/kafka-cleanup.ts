import type { Kafka } from 'kafkajs';
import { Kafka as KafkaClient, logLevel } from 'kafkajs';
import { installKafkajsIdleTimerFix } from '@app/platform/bus/kafka/kafkajs-idle-timer-fix';

/**
 * Deletes this run's topics (every topic of the services named `<servicePrefix>…`) and consumer
 * groups: those named, or those the predicate picks among the broker's groups.
 */
export async function deleteBenchTopicsAndGroups(
  kafka: Kafka,
  servicePrefix: string,
  groups: readonly string[] | ((groupId: string) => boolean),
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) =>
      topic.startsWith(`codemyspec.${servicePrefix}`),
    );
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const existing = (await admin.listGroups()).groups.map((group) => group.groupId);
    const isOurs = typeof groups === 'function' ? groups : (group: string) => groups.includes(group);
    const groupsToDelete = existing.filter(isOurs);
    if (groupsToDelete.length > 0) await admin.deleteGroups(groupsToDelete);
    return topics;
  } finally {
    await admin.disconnect();
  }
}

/** Fails fast, with a clear message, when no broker answers (the production client retries for minutes). */
export async function assertKafkaReachable(brokers: readonly string[]): Promise<void> {
  installKafkajsIdleTimerFix(); // this client comes before any kafkaClient(), which installs it
  const admin = new KafkaClient({
    clientId: 'bench-bus-preflight',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 200 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(
      `Kafka at ${brokers.join(',')} (KAFKA_BROKERS) is not reachable: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
