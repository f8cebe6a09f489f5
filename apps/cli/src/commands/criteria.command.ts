import type { Command, CommandContext } from '../command';
import { inputMutation } from '../graphql-client';
import { emit } from '../output';
import { positional } from '../project-ref';

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
