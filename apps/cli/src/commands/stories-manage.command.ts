import type { Command } from '../command';
import { CliError } from '../cli-error';
import { emit, statusWord, table } from '../output';
import { intOption, listOption, positional, projectOption } from '../project-ref';

interface StoryView {
  id: string;
  title: string;
  description: string;
  status: string;
  priority: string | null;
  tags: string[];
  version: number;
  component: { id: string; name: string } | null;
  acceptanceCriteria: { id: string; ref: string | null; description: string; verified: boolean }[];
}

const STORY = `id title description status priority tags version component { id name }
  acceptanceCriteria { id ref description verified }`;

function render(story: StoryView): string {
  return [
    `${story.title}  (${story.status}, version ${story.version}${story.priority ? `, ${story.priority}` : ''})`,
    `id ${story.id}${story.component ? `  component ${story.component.name} (${story.component.id})` : '  on no component'}`,
    ...(story.tags.length ? [`tags: ${story.tags.join(', ')}`] : []),
    '',
    story.description,
    '',
    'Acceptance criteria:',
    ...story.acceptanceCriteria.map(
      (c) => `  ${c.verified ? '✓' : ' '} ${(c.ref ?? '').padEnd(6)} ${c.description}  [${c.id}]`,
    ),
  ].join('\n');
}

export const storiesListCommand: Command = {
  path: ['stories', 'list'],
  summary: "List a project's stories (filter by status, tag, component or text)",
  usage:
    'codemyspec stories list --project <id|name> [--status <s>] [--tag <t>] [--search <text>] [--first <n>]',
  help: [],
  options: {
    project: { type: 'string', description: 'the project (id or name)' },
    status: { type: 'string', description: 'IN_PROGRESS, DIRTY or COMPLETED' },
    tag: { type: 'string', description: 'only stories with this tag' },
    search: { type: 'string', description: 'text in the title or description' },
    component: { type: 'string', description: 'only stories on this component (id)' },
    first: { type: 'string', description: 'how many (default 100)' },
  },
  async run(context) {
    const projectId = await projectOption(context);
    const { graphql } = await context.connect();
    const status =
      typeof context.values.status === 'string' ? context.values.status.toUpperCase() : undefined;
    const { stories } = await graphql<{ stories: { totalCount: number; edges: { node: StoryView }[] } }>(
      `query($p: ID!, $s: StoryStatus, $t: String, $q: String, $c: ID, $f: Int) {
        stories(projectId: $p, status: $s, tag: $t, search: $q, componentId: $c, first: $f) { totalCount edges { node { ${STORY} } } } }`,
      {
        p: projectId,
        s: status,
        t: context.values.tag,
        q: context.values.search,
        c: context.values.component,
        f: intOption(context, 'first') ?? 100,
      },
    );
    const nodes = stories.edges.map((e) => e.node);
    emit(context, nodes, () =>
      nodes.length === 0
        ? 'no stories'
        : `${table(
            nodes.map((s) => [
              s.id,
              statusWord(context, s.status),
              String(s.acceptanceCriteria.length),
              s.component?.name ?? '-',
              s.title,
            ]),
            ['ID', 'STATUS', 'AC', 'COMPONENT', 'TITLE'],
          )}\n${nodes.length} of ${stories.totalCount}`,
    );
    return 0;
  },
};

export const storiesShowCommand: Command = {
  path: ['stories', 'show'],
  summary: 'Show a story with its criteria (now, or at an earlier version)',
  usage: 'codemyspec stories show <story-id> [--version <n>]',
  help: [],
  options: { version: { type: 'string', description: 'the story as it stood at this version' } },
  async run(context) {
    const id = positional(context, 0, 'a story id');
    const { graphql } = await context.connect();
    const { story } = await graphql<{ story: StoryView }>(
      `query($id: ID!, $v: Int) { story(id: $id, atVersion: $v) { ${STORY} } }`,
      { id, v: intOption(context, 'version') },
    );
    emit(context, story, () => render(story));
    return 0;
  },
};

export const storiesCreateCommand: Command = {
  path: ['stories', 'create'],
  summary: 'Create a story with its acceptance criteria',
  usage:
    'codemyspec stories create --project <id|name> --title <title> [--description <text>] [--criterion <text>]… [--tag <t>]… [--priority <p>]',
  help: [],
  options: {
    project: { type: 'string', description: 'the project (id or name)' },
    title: { type: 'string', description: 'unique in the project' },
    description: { type: 'string', description: '"As a … I want … so that …"' },
    criterion: { type: 'string', multiple: true, description: 'a testable acceptance criterion (repeat it)' },
    tag: { type: 'string', multiple: true, description: 'a tag (repeat it)' },
    priority: { type: 'string', description: 'LOW, MEDIUM, HIGH or CRITICAL' },
  },
  async run(context) {
    const projectId = await projectOption(context);
    const title = context.values.title;
    if (typeof title !== 'string' || !title) throw new CliError('--title is required (see --help)', 2);
    const { graphql } = await context.connect();
    const { createStory } = await graphql<{ createStory: StoryView }>(
      `mutation($i: CreateStoryInput!) { createStory(input: $i) { ${STORY} } }`,
      {
        i: {
          projectId,
          title,
          description: context.values.description ?? '',
          acceptanceCriteria: listOption(context, 'criterion'),
          tags: listOption(context, 'tag'),
          priority:
            typeof context.values.priority === 'string' ? context.values.priority.toUpperCase() : undefined,
        },
      },
    );
    emit(context, createStory, () => createStory.id);
    return 0;
  },
};
