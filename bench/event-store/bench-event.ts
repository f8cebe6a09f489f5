import { randomUUID } from 'node:crypto';

/** About 200 bytes of JSON once serialised. */
export type BenchEventData = {
  storyId: string;
  title: string;
  points: number;
  tags: string[];
  sequence: number;
};

/** About 150 bytes of JSON once serialised. */
export type BenchEventMetadata = {
  projectId: string;
  actor: string;
  correlationId: string;
  causationId: string;
};

/** The one event shape every contender stores, so that all of them move the same bytes. */
export type BenchEvent = {
  readonly type: 'StoryDrafted';
  readonly data: BenchEventData;
  readonly metadata: BenchEventMetadata;
};

const TITLE = 'As a reviewer I want each generated test shown beside its spec so that I approve it';

let sequence = 0;

export function makeBenchEvents(count: number): BenchEvent[] {
  const correlationId = randomUUID();
  const events: BenchEvent[] = [];
  for (let i = 0; i < count; i++) {
    sequence += 1;
    events.push({
      type: 'StoryDrafted',
      data: {
        storyId: randomUUID(),
        title: TITLE,
        points: sequence % 13,
        tags: ['bench', 'event-store'],
        sequence,
      },
      metadata: { projectId: 'project-bench', actor: 'bench-user', correlationId, causationId: randomUUID() },
    });
  }
  return events;
}
