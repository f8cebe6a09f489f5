import type { Kafka } from 'kafkajs';

/** Deletes this run's topics (every topic of the services named `<servicePrefix>…`) and consumer groups. */
export async function deleteBenchTopicsAndGroups(
  kafka: Kafka,
  servicePrefix: string,
  groups: readonly string[],
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ours = (await admin.listTopics()).filter((topic) =>
      topic.startsWith(`codemyspec.${servicePrefix}`),
    );
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
    const existing = new Set((await admin.listGroups()).groups.map((group) => group.groupId));
    const groupsToDelete = groups.filter((group) => existing.has(group));
    if (groupsToDelete.length > 0) await admin.deleteGroups(groupsToDelete);
    return ours;
  } finally {
    await admin.disconnect();
  }
}
