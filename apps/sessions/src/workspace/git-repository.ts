import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { checkWorkspacePath } from '../sandbox/workspace-paths';
import type { WorkspaceFile } from '../sandbox/sandbox.port';

const run = promisify(execFile);

/**
 * One git repository per project under the data folder (`repos/<projectId>`), written with the
 * git CLI. A finalized session commits its files there; the message names the design version and
 * the test runs, and ends with a `Session:` trailer so a resumed finalize finds its own commit.
 */
export class GitRepositories {
  constructor(private readonly root: string) {}

  private async git(dir: string, args: string[]): Promise<string> {
    const { stdout } = await run('git', args, {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dir,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'CodeMySpec',
        GIT_AUTHOR_EMAIL: 'sessions@codemyspec.invalid',
        GIT_COMMITTER_NAME: 'CodeMySpec',
        GIT_COMMITTER_EMAIL: 'sessions@codemyspec.invalid',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout.trim();
  }

  repositoryOf(projectId: string): string {
    return join(this.root, projectId);
  }

  async commit(
    projectId: string,
    sessionId: string,
    files: readonly WorkspaceFile[],
    message: string,
  ): Promise<string> {
    const dir = this.repositoryOf(projectId);
    await mkdir(dir, { recursive: true });
    if (!existsSync(join(dir, '.git'))) await this.git(dir, ['init', '--quiet', '--initial-branch=main']);
    const trailer = `Session: ${sessionId}`;
    const existing = await this.git(dir, ['log', '--format=%H', '-n', '1', `--grep=^${trailer}$`]).catch(
      () => '',
    );
    if (existing) return existing;
    for (const file of files) {
      const problem = checkWorkspacePath(file.path);
      if (problem) throw new Error(`refusing to commit ${file.path}: ${problem}`);
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.content);
    }
    if (files.length > 0) await this.git(dir, ['add', '--', ...files.map((f) => f.path)]);
    await this.git(dir, ['commit', '--quiet', '--allow-empty', '-m', `${message}\n\n${trailer}`]);
    return this.git(dir, ['rev-parse', 'HEAD']);
  }

  async show(projectId: string, commit: string): Promise<string> {
    return this.git(this.repositoryOf(projectId), ['show', '--stat', '--format=%H%n%B', commit]);
  }
}
