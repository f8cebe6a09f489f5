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

  /** A commit identified by its `Session:` trailer, as a session's finalize makes one. */
  const commitAs = async (
    session: string,
    files: { path: string; content: string }[],
    message: string,
  ): Promise<string> =>
    (
      await repos.commit(PROJECT, {
        files,
        message,
        trailers: [['Session', session]],
        once: ['Session', session],
      })
    ).commit;

  it('commits the files on top of the previous commit, once per session', async () => {
    const first = await commitAs('s-1', [{ path: 'src/a.ts', content: 'a\n' }], 'first');
    const second = await commitAs(
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
    expect(await commitAs('s-1', [{ path: 'src/a.ts', content: 'other\n' }], 'again')).toBe(first);
    expect(git(dir, 'rev-list', '--count', 'main')).toBe('2');
  });

  it('serialises the commits of a project, skips an unchanged tree, and makes the same commit from the same input', async () => {
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        commitAs(`s-${i}`, [{ path: `src/f${i}.ts`, content: `${i}\n` }], `file ${i}`),
      ),
    );
    const dir = repos.repositoryOf(PROJECT);
    expect(new Set(made).size).toBe(8);
    expect(git(dir, 'rev-list', '--count', 'main')).toBe('8');
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'main').split('\n')).toHaveLength(8);
    const unchanged = await repos.commit(PROJECT, {
      files: [{ path: 'src/f0.ts', content: '0\n' }],
      message: 'the same file again',
      trailers: [['Event', 'e-1']],
      once: ['Event', 'e-1'],
    });
    expect(unchanged).toEqual({ commit: git(dir, 'rev-parse', 'main'), created: false, ownCommit: false });
    const request = {
      files: [{ path: 'docs/a.md', content: '# A\n' }],
      message: 'A',
      trailers: [['Event', 'e-2']] as [string, string][],
      once: ['Event', 'e-2'] as [string, string],
      author: { name: 'dana', email: 'dana@codemyspec.invalid' },
      at: '2026-12-01T10:00:00.000Z',
    };
    expect((await new GitRepositories(join(root, 'again')).commit(PROJECT, request)).commit).toBe(
      (await new GitRepositories(join(root, 'again2')).commit(PROJECT, request)).commit,
    );
    expect(git(join(root, 'again', `${PROJECT}.git`), 'log', '-1', '--format=%an <%ae> | %cn | %aI')).toBe(
      'dana <dana@codemyspec.invalid> | CodeMySpec | 2026-12-01T10:00:00+00:00',
    );
  });

  it('refuses a commit once the repository is over its size limit', async () => {
    const small = new GitRepositories(join(root, 'small'), 1);
    const big = Array.from({ length: 3 }, (_, i) => ({
      path: `data/${i}.bin`,
      content: Array.from({ length: 40_000 }, (_, j) => `${i}-${j}-${Math.sin(j + i)}`).join('\n'),
    }));
    await small.commit(PROJECT, {
      files: big,
      message: 'big',
      trailers: [['Event', 'b']],
      once: ['Event', 'b'],
    });
    await expect(
      small.commit(PROJECT, {
        files: [{ path: 'a.ts', content: 'a' }],
        message: 'one more',
        trailers: [['Event', 'c']],
        once: ['Event', 'c'],
      }),
    ).rejects.toThrow(/over GIT_MAX_REPO_MB=1: no further artifact is committed until the limit is raised$/);
  });

  it.each(['.git/config', '.GIT/hooks/post-commit', 'src/.git/config', '.git./config'])(
    'refuses to commit %s',
    async (path) => {
      await expect(commitAs('s-x', [{ path, content: 'x' }], 'evil')).rejects.toThrow(
        `refusing to commit ${path}`,
      );
    },
  );

  it('runs nothing the repository, the user or the environment configures (fsmonitor, hooks, includes, signing)', async () => {
    await commitAs('s-1', [{ path: 'a.ts', content: 'a\n' }], 'first');
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
      const commit = await commitAs('s-2', [{ path: 'b.ts', content: 'b\n' }], 'second');
      expect(commit).toMatch(/^[0-9a-f]{40}$/);
      expect(await commitAs('s-3', [{ path: 'c.ts', content: 'c\n' }], 'third')).not.toBe(commit);
    } finally {
      process.env.GIT_CONFIG_GLOBAL = saved.global;
      process.env.HOME = saved.home;
      if (saved.global === undefined) delete process.env.GIT_CONFIG_GLOBAL;
    }
    expect(await readdir(markers)).toEqual([]);
    expect(existsSync(join(dir, 'index'))).toBe(false);
  });
});
