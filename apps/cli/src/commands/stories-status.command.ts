import type { Command } from '../command';
import { emit, statusWord, table } from '../output';
import { projectOption } from '../project-ref';
import { allStories } from '@app/client/story-pages';

export const storiesStatusCommand: Command = {
  path: ['stories', 'status'],
  summary: "How far a project's stories are: counts by status, and the dirty ones",
  usage: 'codemyspec stories status --project <id|name>',
  help: [],
  options: { project: { type: 'string', description: 'the project (id or name)' } },
  async run(context) {
    const projectId = await projectOption(context);
    const { graphql } = await context.connect();
    const nodes = await allStories<{ id: string; title: string; status: string }>(
      graphql,
      projectId,
      'id title status',
    );
    const counts: Record<string, number> = { IN_PROGRESS: 0, DIRTY: 0, COMPLETED: 0 };
    for (const s of nodes) counts[s.status] = (counts[s.status] ?? 0) + 1;
    emit(context, { counts, dirty: nodes.filter((s) => s.status === 'DIRTY') }, () =>
      [
        table(
          Object.entries(counts).map(([status, n]) => [statusWord(context, status), String(n)]),
          ['STATUS', 'STORIES'],
        ),
        ...nodes.filter((s) => s.status === 'DIRTY').map((s) => `dirty: ${s.title} (${s.id})`),
      ].join('\n'),
    );
    return 0;
  },
};
