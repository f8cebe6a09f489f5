const SEGMENT = /^[a-z][a-z0-9-]*$/;

/** The first segment of every topic name unless `KAFKA_TOPIC_NAMESPACE` says otherwise. */
export const DEFAULT_TOPIC_NAMESPACE = 'codemyspec';

/** Whether a namespace can start a topic name (lowercase letters, digits and dashes). */
export function isTopicNamespace(namespace: string): boolean {
  return SEGMENT.test(namespace);
}

/**
 * `codemyspec.<service>.<aggregate>.v1`, keyed by stream id. The aggregate is the stream type; the
 * namespace lets deployments (or test runs) share a broker without reading each other's events.
 */
export function topicFor(service: string, aggregate: string, namespace = DEFAULT_TOPIC_NAMESPACE): string {
  if (!SEGMENT.test(service)) throw new RangeError(`invalid service name for a topic: ${service}`);
  if (!SEGMENT.test(aggregate))
    throw new RangeError(`invalid aggregate (stream type) for a topic: ${aggregate}`);
  if (!SEGMENT.test(namespace)) throw new RangeError(`invalid topic namespace: ${namespace}`);
  return `${namespace}.${service}.${aggregate}.v1`;
}

export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

export function parseTopic(topic: string): { service: string; aggregate: string } | undefined {
  const match = /^codemyspec\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v1$/.exec(topic);
  return match ? { service: match[1], aggregate: match[2] } : undefined;
}
