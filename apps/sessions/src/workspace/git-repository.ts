import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkWorkspacePath } from '../sandbox/workspace-paths';
import type { WorkspaceFile } from '../sandbox/sandbox.port';
import { runGit } from './git-command';

const SYSTEM = { name: 'CodeMySpec', email: 'record@codemyspec.invalid' };
const BRANCH = 'refs/heads/main';

export interface GitPerson {
  readonly name: string;
  readonly email: string;
}

export interface CommitRequest {
  readonly files: readonly WorkspaceFile[];
  /** The first line, then an optional body. */
  readonly message: string;
  /** `Key: value` lines after the message, in order; the first identifies the commit (see `once`). */
  readonly trailers: readonly (readonly [string, string])[];
  /** Who made the change (the committer is always the system). */
  readonly author?: GitPerson;
  /** ISO time for author and committer: the same events give the same commit ids. */
  readonly at?: string;
  /** A trailer whose presence in a recent commit means this one was made already. */
  readonly once: readonly [string, string];
  /** Commit even when no file changes (evidence is recorded even for code seen before). */
  readonly allowEmpty?: boolean;
}

export interface CommitResult {
  /** The commit that holds the files: the new one, the earlier one with the same `once` trailer, or the head when nothing changed. */
  readonly commit: string;
  readonly created: boolean;
  /** The commit records this request: made now, or earlier under the same `once` trailer (not a head that merely holds the files). */
  readonly ownCommit: boolean;
}

/** A repository over its size limit: no further artifact is committed until it is raised. */
export class RepositoryFullError extends Error {}

/**
 * One bare git repository per project under the data folder (`repos/<projectId>.git`). Commits
 * are made with plumbing only (hash-object, a private index, write-tree, commit-tree,
 * update-ref): no work tree exists, so no file a model or a person wrote ever lies where git
 * reads its own settings, and no hook or fsmonitor can run (see `runGit`). Commits of one project
 * are serialised; a commit whose tree equals its parent's is not made.
 */
export class GitRepositories {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly root: string,
    private readonly maxRepoMb = 0,
  ) {}

  repositoryOf(projectId: string): string {
    if (!/^[0-9a-zA-Z-]{1,64}$/.test(projectId)) throw new Error(`not a project id: ${projectId}`);
    return join(this.root, `${projectId}.git`);
  }

  exists(projectId: string): boolean {
    return existsSync(join(this.repositoryOf(projectId), 'HEAD'));
  }

  async ensure(projectId: string): Promise<string> {
    const dir = this.repositoryOf(projectId);
    if (!existsSync(join(dir, 'HEAD'))) {
      await mkdir(dir, { recursive: true });
      await runGit(dir, ['init', '--quiet', '--bare', '--initial-branch=main']);
    }
    return dir;
  }

  /** The newest commit of `main`, or null in an empty repository. */
  async head(projectId: string): Promise<string | null> {
    if (!this.exists(projectId)) return null;
    const dir = this.repositoryOf(projectId);
    return (
      (await runGit(dir, ['rev-parse', '--verify', '--quiet', `${BRANCH}^{commit}`]).catch(() => '')) || null
    );
  }

  /** The newest commit of `main` with the trailer `key: value`, or null. */
  async findCommit(projectId: string, key: string, value: string): Promise<string | null> {
    const head = await this.head(projectId);
    if (!head) return null;
    const dir = this.repositoryOf(projectId);
    const found = await runGit(dir, [
      'log',
      '--format=%H',
      '-n',
      '1',
      '--fixed-strings',
      `--grep=${key}: ${value}`,
      head,
    ]);
    return found || null;
  }

  /** A commit's whole message (subject, body and trailers). */
  async messageOf(projectId: string, commit: string): Promise<string> {
    return runGit(this.repositoryOf(projectId), ['log', '-1', '--format=%B', commit]);
  }

  /** Commits the files on top of `main`, one commit of the project at a time. */
  commit(projectId: string, request: CommitRequest): Promise<CommitResult> {
    const previous = this.queues.get(projectId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.commitNow(projectId, request));
    this.queues.set(projectId, next);
    const forget = () => {
      if (this.queues.get(projectId) === next) this.queues.delete(projectId);
    };
    next.then(forget, forget);
    return next;
  }

  private async commitNow(projectId: string, request: CommitRequest): Promise<CommitResult> {
    for (const file of request.files) {
      const problem = checkWorkspacePath(file.path);
      if (problem) throw new Error(`refusing to commit ${file.path}: ${problem}`);
    }
    const dir = await this.ensure(projectId);
    const parent = await this.head(projectId);
    const once = `${request.once[0]}: ${request.once[1]}`;
    if (parent) {
      const made = await runGit(dir, [
        'log',
        '--format=%H',
        '-n',
        '1',
        '--fixed-strings',
        `--grep=${once}`,
        parent,
      ]);
      if (made) return { commit: made, created: false, ownCommit: true };
    }
    await this.assertRoom(projectId, dir);
    const index = join(dir, `codemyspec-index-${randomUUID()}`);
    try {
      const env = { GIT_INDEX_FILE: index };
      await runGit(dir, parent ? ['read-tree', parent] : ['read-tree', '--empty'], { env });
      const entries: string[] = [];
      for (const file of request.files) {
        const blob = await runGit(dir, ['hash-object', '-w', '--stdin'], { input: file.content });
        entries.push(`100644 ${blob}\t${file.path}\0`);
      }
      if (entries.length > 0)
        await runGit(dir, ['update-index', '--add', '--replace', '-z', '--index-info'], {
          env,
          input: entries.join(''),
        });
      const tree = await runGit(dir, ['write-tree'], { env });
      if (!request.allowEmpty && parent && tree === (await runGit(dir, ['rev-parse', `${parent}^{tree}`])))
        return { commit: parent, created: false, ownCommit: false };
      const author = request.author ?? SYSTEM;
      const date = request.at ? `${Math.floor(Date.parse(request.at) / 1000)} +0000` : undefined;
      const trailers = request.trailers.map(([key, value]) => `${key}: ${value}`).join('\n');
      const commit = await runGit(dir, ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-F', '-'], {
        env: {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_COMMITTER_NAME: SYSTEM.name,
          GIT_COMMITTER_EMAIL: SYSTEM.email,
          ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
        },
        input: `${request.message.trim()}\n\n${trailers}\n`,
      });
      await runGit(dir, ['update-ref', BRANCH, commit, parent ?? '0'.repeat(40)]);
      return { commit, created: true, ownCommit: true };
    } finally {
      await rm(index, { force: true });
    }
  }

  /** Refuses a commit once the repository holds more than `maxRepoMb` (0: no limit). */
  private async assertRoom(projectId: string, dir: string): Promise<void> {
    if (this.maxRepoMb <= 0) return;
    const counts = new Map(
      (await runGit(dir, ['count-objects', '-v'])).split('\n').map((line) => {
        const [key, value] = line.split(': ');
        return [key, Number(value)] as const;
      }),
    );
    const kib = (key: string) => counts.get(key) ?? 0;
    const usedMb = (kib('size') + kib('size-pack')) / 1024;
    if (usedMb > this.maxRepoMb)
      throw new RepositoryFullError(
        `the git record of project ${projectId} holds ${usedMb.toFixed(1)} MB, over GIT_MAX_REPO_MB=${this.maxRepoMb}: no further artifact is committed until the limit is raised`,
      );
  }
}
