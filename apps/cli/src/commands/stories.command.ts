import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from '../command';
import { CliError } from '../cli-error';
import { projectOption } from '../project-ref';
// A deep import keeps the CLI's start fast (the kernel's index loads every module).
import { USER_STORIES_EXAMPLE } from '@app/domain/stories-markdown/user-stories-example';

export const storiesImportCommand: Command = {
  path: ['stories', 'import'],
  summary: 'Import stories from a user_stories.md file (all or nothing)',
  usage: 'codemyspec stories import <file> --project <project> [--number-duplicates]',
  help: [
    'Each story: "## Title", its description, then "### Acceptance Criteria" as a list',
    '(codemyspec stories template prints a complete example). A refused import lists every',
    "problem with the story's index, title and line; nothing is created.",
  ],
  options: {
    project: { type: 'string' },
    'number-duplicates': {
      type: 'boolean',
      description: 'a title the project or the file already has becomes "<title> (2)" instead of a problem',
    },
  },
  async run(context) {
    const file = context.positionals[0];
    if (!file) throw new CliError('a file is required (see --help)', 2);
    const projectId = await projectOption(context);
    const markdown = await readFile(file, 'utf8').catch((error: Error) => {
      throw new CliError(`cannot read ${file}: ${error.message}`);
    });
    const { graphql } = await context.connect();
    const { importStoriesMarkdown } = await graphql<{
      importStoriesMarkdown: { id: string; title: string }[];
    }>(
      'mutation($p: ID!, $m: String!, $d: DuplicateTitles) { importStoriesMarkdown(projectId: $p, markdown: $m, onDuplicateTitle: $d) { id title } }',
      { p: projectId, m: markdown, d: context.values['number-duplicates'] ? 'NUMBER' : 'REFUSE' },
    );
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
  usage: 'codemyspec stories export --project <project> [--out <file>]',
  help: ['Without --out the markdown goes to standard output.'],
  options: { project: { type: 'string' }, out: { type: 'string' } },
  async run(context) {
    const projectId = await projectOption(context);
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

export const storiesTemplateCommand: Command = {
  path: ['stories', 'template'],
  summary: 'Print an example user_stories.md (the format stories import reads and export writes)',
  usage: 'codemyspec stories template [--out <file>]',
  help: [
    'Per story: "## <title>", its description, then "### Acceptance Criteria" and a "- " line per',
    'criterion. "AC-n: " before a criterion keeps its reference; without one it gets the next free one.',
  ],
  options: { out: { type: 'string', description: 'write it to this file instead of standard output' } },
  async run(context) {
    if (typeof context.values.out === 'string') await writeFile(context.values.out, USER_STORIES_EXAMPLE);
    else context.out(USER_STORIES_EXAMPLE.replace(/\n$/, ''));
    return 0;
  },
};
