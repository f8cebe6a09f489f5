import { readFile, writeFile } from 'node:fs/promises';
import { requireValue } from '../command';
import type { Command } from '../command';
import { CliError } from '../cli-error';

export const storiesImportCommand: Command = {
  path: ['stories', 'import'],
  summary: 'Import stories from a user_stories.md file (all or nothing)',
  usage: 'codemyspec stories import <file> --project <id>',
  help: ['Each story: "## Title", its description, then "### Acceptance Criteria" as a list.'],
  options: { project: { type: 'string' } },
  async run(context) {
    const file = context.positionals[0];
    if (!file) throw new CliError('a file is required (see --help)', 2);
    const projectId = requireValue(context, 'project');
    const markdown = await readFile(file, 'utf8').catch((error: Error) => {
      throw new CliError(`cannot read ${file}: ${error.message}`);
    });
    const { graphql } = await context.connect();
    const { importStoriesMarkdown } = await graphql<{
      importStoriesMarkdown: { id: string; title: string }[];
    }>('mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { id title } }', {
      p: projectId,
      m: markdown,
    });
    if (context.json) context.out(JSON.stringify(importStoriesMarkdown, null, 2));
    else for (const story of importStoriesMarkdown) context.out(`${story.id}  ${story.title}`);
    context.err(
      `imported ${importStoriesMarkdown.length} stor${importStoriesMarkdown.length === 1 ? 'y' : 'ies'}`,
    );
    return 0;
  },
};

export const storiesExportCommand: Command = {
  path: ['stories', 'export'],
  summary: "Export a project's stories as user_stories.md",
  usage: 'codemyspec stories export --project <id> [--out <file>]',
  help: ['Without --out the markdown goes to standard output.'],
  options: { project: { type: 'string' }, out: { type: 'string' } },
  async run(context) {
    const projectId = requireValue(context, 'project');
    const { graphql } = await context.connect();
    const { exportStoriesMarkdown } = await graphql<{ exportStoriesMarkdown: string }>(
      'query($p: ID!) { exportStoriesMarkdown(projectId: $p) }',
      {
        p: projectId,
      },
    );
    if (typeof context.values.out === 'string') {
      await writeFile(context.values.out, exportStoriesMarkdown);
      context.err(`wrote ${context.values.out}`);
    } else
      context.out(
        context.json
          ? JSON.stringify({ markdown: exportStoriesMarkdown })
          : exportStoriesMarkdown.replace(/\n$/, ''),
      );
    return 0;
  },
};
