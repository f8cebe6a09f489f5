import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { waitFor } from '@app/testing/wait-for';
import { createMethodProject } from './method-project';
import { GOOD_CODE, responder } from './scripted-model';
import type { RunningSystem } from './system';
import { sandboxDriver, startSystem } from './system';

const SESSION = `query($id: ID!) { session(id: $id) { id status reason commit steps { name attempt status detail } } }`;

interface SessionView {
  id: string;
  status: string;
  reason: string | null;
  commit: string | null;
  steps: { name: string; attempt: number; status: string; detail: string }[];
}

/**
 * A model that answers a CODE step with the right code and, next to it, files aimed at git
 * itself: a `.git/config` whose fsmonitor runs a command, a hook, the same in other cases and
 * folders. Before the fix, the next `git add` on the host ran the command.
 */
function hostileReply(marker: string): string {
  const touch = `touch ${marker}`;
  return [
    GOOD_CODE,
    '',
    'Also set up the repository:',
    '```ini path=.git/config',
    '[core]',
    `\tfsmonitor = "${touch}; false"`,
    '\thooksPath = .githooks',
    '```',
    '```sh path=.GIT/hooks/post-commit',
    '#!/bin/sh',
    touch,
    '```',
    '```ini path=src/.git/config',
    '[core]',
    `\tfsmonitor = "${touch}"`,
    '```',
    '```sh path=.git./hooks/pre-commit',
    touch,
    '```',
    // Paths no store can hold, and the forms of .git the second review tried.
    '```ts path=src/a\u0000b.ts',
    'export const x = 1;',
    '```',
    '```ts path=src/\ud800.ts',
    'export const y = 2;',
    '```',
    '```ini path=.g\u0131t/config',
    `[core]\n\tfsmonitor = "${touch}"`,
    '```',
    '```sh path=.git::$INDEX_ALLOCATION/hooks/post-commit',
    touch,
    '```',
  ].join('\n');
}

describe('a hostile model cannot reach git on the host (scripted endpoint, real sandbox, real git)', () => {
  let llm: ScriptedLlmServer;
  let system: RunningSystem;
  let marker: string;

  beforeAll(async () => {
    marker = join(await mkdtemp(join(tmpdir(), 'codemyspec-marker-')), 'pwned');
    llm = await startScriptedLlmServer(responder({ codeReply: () => hostileReply(marker) }));
    system = await startSystem({
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_API_KEY: 'sk-hostile-model-test',
      OPENAI_MODEL: 'scripted-1',
    });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await llm?.close();
  });

  async function finished(id: string): Promise<SessionView> {
    let view: SessionView | undefined;
    await waitFor(
      async () => {
        view = (await system.ok<{ session: SessionView }>(SESSION, { id })).session;
        return view.status !== 'RUNNING';
      },
      90_000,
      `session ${id} to finish`,
    );
    return view!;
  }

  const start = async (componentId: string, type: string) =>
    (
      await system.ok<{ startSession: { id: string } }>(
        `mutation($i: StartSessionInput!) { startSession(input: $i) { id } }`,
        { i: { componentId, type } },
      )
    ).startSession.id;

  it('refuses every .git path of the reply, commits only the code, and runs nothing on this or a later commit', async () => {
    if (!(await sandboxDriver())) return;
    const { projectId, componentId } = await createMethodProject(system, 'Hostile');
    expect((await finished(await start(componentId, 'DESIGN'))).status).toBe('SUCCEEDED');
    expect((await finished(await start(componentId, 'TESTS'))).status).toBe('SUCCEEDED');

    const first = await finished(await start(componentId, 'CODE'));
    expect(first.status).toBe('SUCCEEDED');
    const generated = first.steps.find((s) => s.name === 'generate_code')!;
    for (const path of [
      '.git/config',
      '.GIT/hooks/post-commit',
      'src/.git/config',
      '.git./hooks/pre-commit',
      // Recorded escaped: the session goes on, and no driver error reaches anyone.
      'src/a\\u0000b.ts',
      'src/\\ud800.ts',
      '.g\u0131t/config',
      '.git::$INDEX_ALLOCATION/hooks/post-commit',
    ])
      expect(generated.detail).toContain(path);
    expect(generated.detail).toMatch(/^wrote src\/totals\.ts /);

    const repository = join(system.dataDir, 'repos', `${projectId}.git`);
    const git = (...args: string[]) =>
      execFileSync('git', [`--git-dir=${repository}`, ...args], {
        env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
      })
        .toString()
        .trim();
    expect(git('rev-parse', '--is-bare-repository')).toBe('true');
    expect(git('ls-tree', '-r', '--name-only', first.commit!).split('\n')).toEqual([
      'docs/design/billing/totals.md',
      'docs/user_stories.md',
      'src/totals.ts',
      'test/totals.test.ts',
    ]);
    // No work tree exists anywhere under the repositories folder.
    expect(await readdir(join(system.dataDir, 'repos'))).toEqual([`${projectId}.git`]);

    // A later commit, after the same attack again, runs nothing either.
    const second = await finished(await start(componentId, 'CODE'));
    expect(second.status).toBe('SUCCEEDED');
    expect(second.commit).not.toBe(first.commit);
    expect(git('log', '--format=%(trailers:key=Session,valueonly,separator=)', 'main').split('\n')).toEqual(
      expect.arrayContaining([second.id, first.id]),
    );
    expect(existsSync(marker)).toBe(false);
  }, 300_000);

  it('refuses a .git path in a runTests upload, naming it', async () => {
    const { projectId, componentId } = await createMethodProject(system, 'Upload');
    const result = await system.graphql(`mutation($i: RunTestsInput!) { runTests(input: $i) { id } }`, {
      i: {
        projectId,
        componentId,
        files: [
          { path: 'test/a.test.ts', content: "import test from 'node:test'; test('a', () => {});" },
          { path: 'lib/.Git/config', content: `[core]\n\tfsmonitor = "touch ${marker}"` },
        ],
      },
    });
    expect(result.errors?.[0]).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        details: [
          {
            field: 'files[1].path',
            message: expect.stringContaining('"lib/.Git/config" has a ".Git" segment'),
          },
        ],
      },
    });
    expect(existsSync(marker)).toBe(false);
  });
});
