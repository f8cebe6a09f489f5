import { spawn } from 'node:child_process';
import { projectIdOf } from '../project-ref';
import type { Command } from '../command';
import type { CliConfig } from '../cli-config';
import { CliError } from '../cli-error';

/**
 * Runs git with the token as an `Authorization` header given through git's environment
 * (`GIT_CONFIG_COUNT`), never on its command line (visible to every user of the machine) and never
 * written into the clone's config. Resolves with git's exit code.
 */
function gitWithToken(args: readonly string[], config: CliConfig, cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd,
      stdio: 'inherit',
      env: {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: `Authorization: Bearer ${config.token}`,
      },
    });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new CliError('git is not installed (apt-get install git)', 1) : error),
    );
    child.once('close', (code) => resolve(code ?? 1));
  });
}

/**
 * The folder a clone goes to by default: the project's name with anything but letters, digits,
 * dots, dashes and underscores made a dash, never starting with a dot or a dash (the id when
 * nothing is left).
 */
export function folderNameOf(projectName: string, projectId: string): string {
  const safe = projectName
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  return safe === '' ? projectId : safe;
}

export const cloneCommand: Command = {
  path: ['clone'],
  summary: "Clone a project's git record (designs, tests, code, user_stories.md) with the saved token",
  usage: 'codemyspec clone <project id or name> [dir]',
  help: [
    'The folder is named after the project (dir: another one). The repository is read-only: CodeMySpec',
    'commits every accepted design, red test set, green code and story change.',
    'Without the CLI: git -c http.extraHeader="Authorization: Bearer <token>" clone <gateway>/git/<projectId>.git',
  ],
  options: {},
  async run(context) {
    const project = context.positionals[0];
    if (!project) throw new CliError('a project id or name is required (see --help)', 2);
    const { config, graphql } = await context.connect();
    const projectId = await projectIdOf(context, project);
    const { project: found } = await graphql<{ project: { name: string } }>(
      'query($id: ID!) { project(id: $id) { name } }',
      { id: projectId },
    );
    const dir = context.positionals[1] ?? folderNameOf(found.name, projectId);
    // `--` ends git's options: neither the URL nor a folder name can be read as one.
    return gitWithToken(['clone', '--', `${config.url}/git/${projectId}.git`, dir], config);
  },
};

export const pullCommand: Command = {
  path: ['pull'],
  summary: 'Bring a clone of a git record up to date (fast-forward only)',
  usage: 'codemyspec pull [dir]',
  help: ['Run inside a clone made by "codemyspec clone"; the token is sent as a header, never stored.'],
  options: {},
  async run(context) {
    const { config } = await context.connect();
    return gitWithToken(['pull', '--ff-only', '--quiet'], config, context.positionals[0]);
  },
};
