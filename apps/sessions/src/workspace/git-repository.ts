import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkWorkspacePath } from '../sandbox/workspace-paths';
import type { WorkspaceFile } from '../sandbox/sandbox.port';
import { runGit } from './git-command';

const AUTHOR = {
  GIT_AUTHOR_NAME: 'CodeMySpec',
  GIT_AUTHOR_EMAIL: 'sessions@codemyspec.invalid',
  GIT_COMMITTER_NAME: 'CodeMySpec',
  GIT_COMMITTER_EMAIL: 'sessions@codemyspec.invalid',
};
const BRANCH = 'refs/heads/main';

/**
 * One bare git repository per project under the data folder (`repos/<projectId>.git`). Commits
 * are made with plumbing only (hash-object, a private index, write-tree, commit-tree,
 * update-ref): no work tree exists, so no file a model or a person wrote ever lies where git
 * reads its own settings, and no hook or fsmonitor can run (see `runGit`). A commit message
 * ends with a `Session:` trailer so a resumed finalize finds its own commit.
 */
export class GitRepositories {
  constructor(private readonly root: string) {}

  repositoryOf(projectId: string): string {
    if (!/^[0-9a-zA-Z-]{1,64}$/.test(projectId)) throw new Error(`not a project id: ${projectId}`);
    return join(this.root, `${projectId}.git`);
  }

  private async ensure(projectId: string): Promise<string> {
    const dir = this.repositoryOf(projectId);
    if (!existsSync(join(dir, 'HEAD'))) {
      await mkdir(dir, { recursive: true });
      await runGit(dir, ['init', '--quiet', '--bare', '--initial-branch=main']);
    }
    return dir;
  }

  async commit(
    projectId: string,
    sessionId: string,
    files: readonly WorkspaceFile[],
    message: string,
  ): Promise<string> {
    for (const file of files) {
      const problem = checkWorkspacePath(file.path);
      if (problem) throw new Error(`refusing to commit ${file.path}: ${problem}`);
    }
    const dir = await this.ensure(projectId);
    const trailer = `Session: ${sessionId}`;
    const parent = await runGit(dir, ['rev-parse', '--verify', '--quiet', `${BRANCH}^{commit}`]).catch(
      () => '',
    );
    if (parent) {
      const existing = await runGit(dir, [
        'log',
        '--format=%H',
        '-n',
        '1',
        '--fixed-strings',
        `--grep=${trailer}`,
        parent,
      ]);
      if (existing) return existing;
    }
    const index = join(dir, `codemyspec-index-${randomUUID()}`);
    try {
      const env = { GIT_INDEX_FILE: index };
      await runGit(dir, parent ? ['read-tree', parent] : ['read-tree', '--empty'], { env });
      const entries: string[] = [];
      for (const file of files) {
        const blob = await runGit(dir, ['hash-object', '-w', '--stdin'], { input: file.content });
        entries.push(`100644 ${blob}\t${file.path}\0`);
      }
      if (entries.length > 0)
        await runGit(dir, ['update-index', '--add', '--replace', '-z', '--index-info'], {
          env,
          input: entries.join(''),
        });
      const tree = await runGit(dir, ['write-tree'], { env });
      const commit = await runGit(dir, ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-'], {
        env: AUTHOR,
        input: `${message}\n\n${trailer}\n`,
      });
      await runGit(dir, ['update-ref', BRANCH, commit, parent || '0'.repeat(40)]);
      return commit;
    } finally {
      await rm(index, { force: true });
    }
  }
}
