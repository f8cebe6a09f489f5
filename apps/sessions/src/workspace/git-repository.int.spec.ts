import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitRepositories } from './git-repository';

const PROJECT = '3f0c9a52-4a3e-4c55-9a26-0d1f00d1e001';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', [`--git-dir=${dir}`, ...args], {
    env: {
      PATH: process.env.PATH,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      HOME: '/nonexistent',
    },
  })
    .toString()
    .trim();
}

describe('GitRepositories (real git, bare repositories, plumbing only)', () => {
  let root: string;
  let repos: GitRepositories;
  let markers: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codemyspec-git-'));
    markers = join(root, 'markers');
    await mkdir(markers);
    repos = new GitRepositories(join(root, 'repos'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('commits the files on top of the previous commit, once per session', async () => {
    const first = await repos.commit(PROJECT, 's-1', [{ path: 'src/a.ts', content: 'a\n' }], 'first');
    const second = await repos.commit(
      PROJECT,
      's-2',
      [
        { path: 'src/b.ts', content: 'b\n' },
        { path: 'test/b.test.ts', content: 'tb\n' },
      ],
      'second',
    );
    const dir = repos.repositoryOf(PROJECT);
    expect(dir.endsWith(`${PROJECT}.git`)).toBe(true);
    expect(git(dir, 'rev-parse', 'main')).toBe(second);
    expect(git(dir, 'rev-parse', `${second}^`)).toBe(first);
    expect(git(dir, 'ls-tree', '-r', '--name-only', second).split('\n')).toEqual([
      'src/a.ts',
      'src/b.ts',
      'test/b.test.ts',
    ]);
    expect(git(dir, 'show', `${second}:src/b.ts`)).toBe('b');
    expect(git(dir, 'log', '-1', '--format=%B', second)).toBe('second\n\nSession: s-2');
    expect(git(dir, 'rev-parse', '--is-bare-repository')).toBe('true');
    // A resumed finalize gets the same commit back instead of a second one.
    expect(await repos.commit(PROJECT, 's-1', [{ path: 'src/a.ts', content: 'other\n' }], 'again')).toBe(
      first,
    );
    expect(git(dir, 'rev-list', '--count', 'main')).toBe('2');
  });

  it.each(['.git/config', '.GIT/hooks/post-commit', 'src/.git/config', '.git./config'])(
    'refuses to commit %s',
    async (path) => {
      await expect(repos.commit(PROJECT, 's-x', [{ path, content: 'x' }], 'evil')).rejects.toThrow(
        `refusing to commit ${path}`,
      );
    },
  );

  it('runs nothing the repository, the user or the environment configures (fsmonitor, hooks, includes, signing)', async () => {
    await repos.commit(PROJECT, 's-1', [{ path: 'a.ts', content: 'a\n' }], 'first');
    const dir = repos.repositoryOf(PROJECT);
    const marker = (name: string) => `touch ${join(markers, name)}`;
    // Plant what an attacker who once reached the git folder would leave behind.
    const hook = `#!/bin/sh\n${marker('hook')}\n`;
    await mkdir(join(dir, 'hooks'), { recursive: true });
    for (const name of ['pre-commit', 'post-commit', 'reference-transaction', 'post-index-change'])
      await writeFile(join(dir, 'hooks', name), hook, { mode: 0o755 });
    await writeFile(join(root, 'included.cfg'), `[core]\n\tfsmonitor = "${marker('included')}"\n`);
    await appendFile(
      join(dir, 'config'),
      [
        '[core]',
        `\tfsmonitor = "${marker('fsmonitor')}"`,
        `\thooksPath = ${join(dir, 'hooks')}`,
        `\tpager = "${marker('pager')}"`,
        '[commit]',
        '\tgpgSign = true',
        '[gpg]',
        `\tprogram = ${join(root, 'fake-gpg')}`,
        `[include]\n\tpath = ${join(root, 'included.cfg')}`,
        '',
      ].join('\n'),
    );
    await writeFile(join(root, 'fake-gpg'), `#!/bin/sh\n${marker('gpg')}\n`);
    await chmod(join(root, 'fake-gpg'), 0o755);
    // …and a hostile global config in the service's own environment.
    await writeFile(join(root, 'global.cfg'), `[core]\n\tfsmonitor = "${marker('global')}"\n`);
    const saved = { global: process.env.GIT_CONFIG_GLOBAL, home: process.env.HOME };
    process.env.GIT_CONFIG_GLOBAL = join(root, 'global.cfg');
    process.env.HOME = root;
    try {
      const commit = await repos.commit(PROJECT, 's-2', [{ path: 'b.ts', content: 'b\n' }], 'second');
      expect(commit).toMatch(/^[0-9a-f]{40}$/);
      expect(await repos.commit(PROJECT, 's-3', [{ path: 'c.ts', content: 'c\n' }], 'third')).not.toBe(
        commit,
      );
    } finally {
      process.env.GIT_CONFIG_GLOBAL = saved.global;
      process.env.HOME = saved.home;
      if (saved.global === undefined) delete process.env.GIT_CONFIG_GLOBAL;
    }
    expect(await readdir(markers)).toEqual([]);
    expect(existsSync(join(dir, 'index'))).toBe(false);
  });
});
