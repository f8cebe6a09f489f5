const SEGMENT = /^[a-z][a-z0-9-]*$/;

/** `codemyspec.<service>.<aggregate>.v1`, keyed by stream id. The aggregate is the stream type. */
export function topicFor(service: string, aggregate: string): string {
  if (!SEGMENT.test(service)) throw new RangeError(`invalid service name for a topic: ${service}`);
  if (!SEGMENT.test(aggregate))
    throw new RangeError(`invalid aggregate (stream type) for a topic: ${aggregate}`);
  return `codemyspec.${service}.${aggregate}.v1`;
}

export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

export function parseTopic(topic: string): { service: string; aggregate: string } | undefined {
  const match = /^codemyspec\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)\.v1$/.exec(topic);
  return match ? { service: match[1], aggregate: match[2] } : undefined;
}
