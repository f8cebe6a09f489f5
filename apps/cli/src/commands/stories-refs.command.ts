import type { Command } from '../command';
import { emit } from '../output';
import { projectOption } from '../project-ref';

/** References for the criteria an older version recorded without one (`assignCriterionRefs`). */
export const storiesRefsCommand: Command = {
  path: ['stories', 'refs'],
  summary: 'Give every acceptance criterion without a reference (recorded by an older version) its AC-<n>',
  usage: 'codemyspec stories refs --project <id|name>',
  help: [
    'Story by story, oldest first, each criterion without a reference gets the next free AC-<n>.',
    'Its text and verification stay; nothing goes DIRTY. Run it again and it finds none.',
  ],
  options: { project: { type: 'string', description: 'the project (id or name)' } },
  async run(context) {
    const projectId = await projectOption(context);
    const { graphql } = await context.connect();
    const { assignCriterionRefs: given } = await graphql<{ assignCriterionRefs: number }>(
      'mutation($p: ID!) { assignCriterionRefs(projectId: $p) }',
      { p: projectId },
    );
    emit(context, { projectId, given }, () =>
      given === 0
        ? 'every criterion already has a reference'
        : `${given} criteria got a reference (see them with: codemyspec stories list --project ${projectId})`,
    );
    return 0;
  },
};
