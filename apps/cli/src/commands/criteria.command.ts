import type { Command, CommandContext } from '../command';
import { inputMutation } from '../graphql-client';
import { emit } from '../output';
import { positional, projectOption } from '../project-ref';
import { statusWord, table } from '../output';
import { allStories } from '../story-pages';

const CRITERIA = 'id version acceptanceCriteria { id ref description verified }';

/** One criterion mutation on a story; prints the criteria as they end. */
async function criterionChange(context: CommandContext, mutation: string, input: Record<string, unknown>) {
  const { graphql } = await context.connect();
  const story = await inputMutation<{
    acceptanceCriteria: { id: string; ref: string | null; description: string; verified: boolean }[];
  }>(graphql, mutation, input, CRITERIA);
  emit(context, story, () =>
    story.acceptanceCriteria
      .map((c) => `${c.verified ? '✓' : ' '} ${(c.ref ?? '').padEnd(6)} ${c.description}  [${c.id}]`)
      .join('\n'),
  );
  return 0;
}

export const criteriaAddCommand: Command = {
  path: ['stories', 'criteria', 'add'],
  summary: 'Add an acceptance criterion to a story (it gets the next AC- reference)',
  usage: 'codemyspec stories criteria add <story-id> <text>',
  help: [],
  options: {},
  run: (context) =>
    criterionChange(context, 'addAcceptanceCriterion', {
      storyId: positional(context, 0, 'a story id'),
      description: positional(context, 1, 'the criterion text'),
    }),
};

export const criteriaEditCommand: Command = {
  path: ['stories', 'criteria', 'edit'],
  summary: 'Reword an acceptance criterion (the components it reaches become dirty)',
  usage: 'codemyspec stories criteria edit <story-id> <criterion-id> <text>',
  help: [],
  options: {},
  run: (context) =>
    criterionChange(context, 'updateAcceptanceCriterion', {
      storyId: positional(context, 0, 'a story id'),
      criterionId: positional(context, 1, 'a criterion id'),
      description: positional(context, 2, 'the new text'),
    }),
};

export const criteriaRemoveCommand: Command = {
  path: ['stories', 'criteria', 'remove'],
  summary: 'Remove an acceptance criterion (its reference is never reused)',
  usage: 'codemyspec stories criteria remove <story-id> <criterion-id>',
  help: [],
  options: {},
  run: (context) =>
    criterionChange(context, 'removeAcceptanceCriterion', {
      storyId: positional(context, 0, 'a story id'),
      criterionId: positional(context, 1, 'a criterion id'),
    }),
};

export const criteriaVerifyCommand: Command = {
  path: ['stories', 'criteria', 'verify'],
  summary: 'Mark an acceptance criterion verified',
  usage: 'codemyspec stories criteria verify <story-id> <criterion-id>',
  help: [],
  options: {},
  run: (context) =>
    criterionChange(context, 'verifyAcceptanceCriterion', {
      storyId: positional(context, 0, 'a story id'),
      criterionId: positional(context, 1, 'a criterion id'),
    }),
};

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
