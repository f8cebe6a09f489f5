import type { CommandContext } from '../command';
import { timelineCommand } from './timeline.command';

const P = '6f1f0a4e-3b7a-4c2e-9d51-0a7f4f6b2c10';
const STORY = 'b6649084-60ea-4472-94ef-180e4893b998';
const COMMIT = '044cc270-6b3b-4c55-8f0e-3b1a9f1d2e11';
const COMPONENT = '0304793d-738f-49fa-8957-94b6b66537ef';

const entry = (type: string, streamId: string, subjectId: string | null = null) => ({
  occurredAt: '2026-12-02T17:00:00.000Z',
  service: 'stories',
  streamId,
  version: 1,
  type,
  actor: 'dana',
  subjectId,
});

class Stop extends Error {}

/**
 * A gateway answering from a script: the timeline's first page, then one page per poll; the names
 * (the project with its components, the stories) as they stand when asked. It counts how often names were asked.
 */
function scriptedGateway(polls: ReturnType<typeof entry>[][]) {
  const world = { title: 'Pay', components: [] as { id: string; name: string }[] };
  let namesAsked = 0;
  let poll = -1;
  const graphql = async (query: string) => {
    if (query.includes('projectTimeline')) {
      poll += 1;
      if (poll === 0) return { projectTimeline: page([entry('StoryCreated', `story-${STORY}`)], 'c0') };
      if (poll > polls.length) throw new Stop('end of the script');
      const next = polls[poll - 1];
      if (next.some((e) => e.type === 'StoryRevised')) world.title = 'Pay later';
      if (next.some((e) => e.type === 'ComponentCreated'))
        world.components = [{ id: COMPONENT, name: 'Totals' }];
      return { projectTimeline: page(next, `c${poll}`) };
    }
    if (query.includes('project(id')) {
      namesAsked += 1;
      return { project: { name: 'Shop' }, architecture: { components: world.components } };
    }
    if (query.includes('stories('))
      return {
        stories: {
          edges: [{ node: { id: STORY, title: world.title } }],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      };
    throw new Error(`unexpected query ${query}`);
  };
  return { graphql, namesAsked: () => namesAsked };
}

function page(entries: ReturnType<typeof entry>[], cursor: string) {
  return { pageInfo: { hasNextPage: false, endCursor: cursor }, edges: entries.map((node) => ({ node })) };
}

describe('codemyspec timeline --follow', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('prints new events with names, asking for names again only when something is new or renamed', async () => {
    const polls = [
      [entry('AcceptanceCriterionAdded', `story-${STORY}`)], // known story: no new names
      [entry('ArtifactCommitted', `git-commit-${COMMIT}`)], // unknown: names asked once…
      [entry('ArtifactCommitted', `git-commit-${COMMIT}`)], // …and not again for the same nameless id
      [entry('ComponentCreated', `architecture-${P}`, COMPONENT)], // a new component: asked
      [entry('StoryRevised', `story-${STORY}`)], // a rename: asked
    ];
    const gateway = scriptedGateway(polls);
    const out: string[] = [];
    const context: CommandContext = {
      positionals: [],
      values: { project: P, follow: true },
      connect: async () => ({ config: {} as never, graphql: gateway.graphql as never }),
      out: (text) => out.push(text),
      err: () => undefined,
      stdin: async () => '',
      isTTY: false,
      json: false,
    };
    const running = timelineCommand.run(context);
    const ended = expect(running).rejects.toBeInstanceOf(Stop);
    for (let i = 0; i <= polls.length; i += 1) await jest.advanceTimersByTimeAsync(2_000);
    await ended;

    expect(
      out.map((line) =>
        line
          .split(/\s{2,}/)
          .slice(2, 4)
          .join(' | '),
      ),
    ).toEqual([
      'StoryCreated | story "Pay"',
      'AcceptanceCriterionAdded | story "Pay"',
      'ArtifactCommitted | git-commit 044cc270',
      'ArtifactCommitted | git-commit 044cc270',
      'ComponentCreated | Totals (architecture)',
      'StoryRevised | story "Pay later"',
    ]);
    expect(gateway.namesAsked()).toBe(4); // the first page, the commit, the component, the rename
  });
});
