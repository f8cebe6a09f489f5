import type { Command, CommandContext } from '../command';
import { CliError } from '../cli-error';
import { inputMutation } from '../graphql-client';
import { emit } from '../output';
import { criterionIdOf, positionals } from '../project-ref';

const CRITERIA = 'id version acceptanceCriteria { id ref description verified }';

/**
 * The story id, the criterion's id (given as `AC-n` or as its id) and the further arguments. A
 * first argument that is a reference means the story was left out, and the error says so.
 */
async function storyAndCriterion(context: CommandContext, more: readonly string[] = []): Promise<string[]> {
  if (/^AC-[0-9]+$/i.test(context.positionals[0] ?? ''))
    throw new CliError('the story id is missing: it comes first, before the criterion (AC-n)', 2);
  const [storyId, criterion, ...rest] = positionals(context, [
    'the story id',
    'the criterion (AC-n or its id)',
    ...more,
  ]);
  return [storyId, await criterionIdOf(context, storyId, criterion), ...rest];
}

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
  run: (context) => {
    const [storyId, description] = positionals(context, ['the story id', 'the criterion text']);
    return criterionChange(context, 'addAcceptanceCriterion', { storyId, description });
  },
};

export const criteriaEditCommand: Command = {
  path: ['stories', 'criteria', 'edit'],
  summary: 'Reword an acceptance criterion (the components it reaches become dirty)',
  usage: 'codemyspec stories criteria edit <story-id> <AC-n or criterion-id> <text>',
  help: [],
  options: {},
  run: async (context) => {
    const [storyId, criterionId, description] = await storyAndCriterion(context, ['the new text']);
    return criterionChange(context, 'updateAcceptanceCriterion', { storyId, criterionId, description });
  },
};

export const criteriaRemoveCommand: Command = {
  path: ['stories', 'criteria', 'remove'],
  summary: 'Remove an acceptance criterion (its reference is never reused)',
  usage: 'codemyspec stories criteria remove <story-id> <AC-n or criterion-id>',
  help: [],
  options: {},
  run: async (context) => {
    const [storyId, criterionId] = await storyAndCriterion(context);
    return criterionChange(context, 'removeAcceptanceCriterion', { storyId, criterionId });
  },
};

export const criteriaVerifyCommand: Command = {
  path: ['stories', 'criteria', 'verify'],
  summary: 'Mark an acceptance criterion verified',
  usage: 'codemyspec stories criteria verify <story-id> <AC-n or criterion-id>',
  help: [],
  options: {},
  run: async (context) => {
    const [storyId, criterionId] = await storyAndCriterion(context);
    return criterionChange(context, 'verifyAcceptanceCriterion', { storyId, criterionId });
  },
};
