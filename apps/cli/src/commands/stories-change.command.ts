import type { Command, CommandContext } from '../command';
import type { Gql } from '../graphql-client';
import { inputMutation } from '../graphql-client';
import { emit, paint, table } from '../output';
import { intOption, listOption, positional } from '../project-ref';
import { CliError } from '../cli-error';

const BRIEF = 'id title status priority tags version acceptanceCriteria { id ref description verified }';

async function currentVersion(graphql: Gql, id: string): Promise<number> {
  const { story } = await graphql<{ story: { version: number } }>(
    'query($id: ID!) { story(id: $id) { version } }',
    {
      id,
    },
  );
  return story.version;
}

/** Applies what was asked, one mutation per kind of change; returns the story as it ends. */
async function applyEdits(context: CommandContext, graphql: Gql, id: string): Promise<unknown> {
  const { title, description, status, priority } = context.values;
  let story: unknown = null;
  const run = async (mutation: string, input: Record<string, unknown>) => {
    story = await inputMutation<unknown>(graphql, mutation, input, BRIEF);
  };
  if (typeof title === 'string' || typeof description === 'string')
    await run('reviseStory', {
      id,
      expectedVersion: intOption(context, 'expected-version') ?? (await currentVersion(graphql, id)),
      title,
      description,
    });
  if (typeof status === 'string') await run('setStoryStatus', { id, status: status.toUpperCase() });
  if (typeof priority === 'string') await run('prioritizeStory', { id, priority: priority.toUpperCase() });
  if (context.values.tag !== undefined) await run('setStoryTags', { id, tags: listOption(context, 'tag') });
  if (story === null)
    throw new CliError('nothing to change: give --title, --description, --status, --priority or --tag', 2);
  return story;
}

export const storiesEditCommand: Command = {
  path: ['stories', 'edit'],
  summary: "Revise a story's title or description, or set its status, priority or tags",
  usage:
    'codemyspec stories edit <story-id> [--title <t>] [--description <d>] [--status <s>] [--priority <p>] [--tag <t>]…',
  help: [],
  options: {
    title: { type: 'string', description: 'the new title' },
    description: { type: 'string', description: 'the new description' },
    'expected-version': { type: 'string', description: 'the version you read (a newer one is a CONFLICT)' },
    status: { type: 'string', description: 'IN_PROGRESS, DIRTY or COMPLETED' },
    priority: { type: 'string', description: 'LOW, MEDIUM, HIGH or CRITICAL' },
    tag: { type: 'string', multiple: true, description: 'the tags it has from now on (repeat it)' },
  },
  async run(context) {
    const id = positional(context, 0, 'a story id');
    const { graphql } = await context.connect();
    const story = await applyEdits(context, graphql, id);
    emit(context, story, () => `${id} updated`);
    return 0;
  },
};

export const storiesHistoryCommand: Command = {
  path: ['stories', 'history'],
  summary: 'Every recorded change of a story: version, time, who, what',
  usage: 'codemyspec stories history <story-id>',
  help: [],
  options: {},
  async run(context) {
    const id = positional(context, 0, 'a story id');
    const { graphql } = await context.connect();
    const { storyHistory } = await graphql<{
      storyHistory: { version: number; type: string; occurredAt: string; actor: string | null }[];
    }>('query($id: ID!) { storyHistory(id: $id) { version type occurredAt actor } }', { id });
    emit(context, storyHistory, () =>
      table(
        storyHistory.map((e) => [String(e.version), e.occurredAt, e.type, e.actor ?? '']),
        ['VERSION', 'WHEN', 'WHAT', 'WHO'],
      ),
    );
    return 0;
  },
};

export const storiesDiffCommand: Command = {
  path: ['stories', 'diff'],
  summary: 'What changed in a story between two versions, field by field',
  usage: 'codemyspec stories diff <story-id> --from <version> --to <version>',
  help: [],
  options: {
    from: { type: 'string', description: 'the older version' },
    to: { type: 'string', description: 'the newer version' },
  },
  async run(context) {
    const id = positional(context, 0, 'a story id');
    const from = intOption(context, 'from');
    const to = intOption(context, 'to');
    if (from === undefined || to === undefined)
      throw new CliError('--from and --to are required (see --help)', 2);
    const { graphql } = await context.connect();
    const { storyDiff } = await graphql<{
      storyDiff: { changes: { field: string; before: unknown; after: unknown }[] };
    }>(
      'query($id: ID!, $f: Int!, $t: Int!) { storyDiff(id: $id, fromVersion: $f, toVersion: $t) { changes { field before after } } }',
      { id, f: from, t: to },
    );
    emit(context, storyDiff, () =>
      storyDiff.changes.length === 0
        ? 'no change'
        : storyDiff.changes
            .map(
              (c) =>
                `${c.field}:\n  ${paint(context, 'red', `- ${JSON.stringify(c.before)}`)}\n  ${paint(context, 'green', `+ ${JSON.stringify(c.after)}`)}`,
            )
            .join('\n'),
    );
    return 0;
  },
};

export const storiesReviewCommand: Command = {
  path: ['stories', 'review'],
  summary: 'Review a story: the deterministic rules, or the configured LLM with --ai',
  usage: 'codemyspec stories review <story-id> [--ai]',
  help: [],
  options: {
    ai: { type: 'boolean', description: 'ask the configured LLM (recorded); the rules without one' },
  },
  async run(context) {
    const id = positional(context, 0, 'a story id');
    const { graphql } = await context.connect();
    const review = context.values.ai
      ? (
          await graphql<{
            reviewStoryWithAi: {
              score: number;
              findings: { rule: string; severity: string; message: string }[];
            };
          }>(
            'mutation($id: ID!) { reviewStoryWithAi(id: $id) { score source findings { rule severity message } } }',
            { id },
          )
        ).reviewStoryWithAi
      : (
          await graphql<{
            reviewStory: { score: number; findings: { rule: string; severity: string; message: string }[] };
          }>('query($id: ID!) { reviewStory(id: $id) { score findings { rule severity message } } }', { id })
        ).reviewStory;
    emit(context, review, () =>
      [
        `score ${review.score}/100`,
        ...review.findings.map((f) => `  ${f.severity.padEnd(8)} ${f.rule}: ${f.message}`),
      ].join('\n'),
    );
    return 0;
  },
};
