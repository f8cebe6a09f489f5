import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@app/testing/wait-for';
import { writeLegacyStory } from '../support/legacy-story';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

const run = promisify(execFile);
const BIN = resolve(__dirname, '../../bin/codemyspec.js');

const design = [
  '# Shortener',
  '## Purpose\n\nShortens URLs.',
  '## Public API\n\n`shorten(url: string): string`',
  '## Execution Flow\n\n1. Hash the URL\n2. Keep the first characters',
  '## Test Assertions\n\n- codes have 7 characters [AC-1]\n- a URL keeps its code [AC-2]',
].join('\n\n');
const testFile = {
  path: 'test/shortener.test.ts',
  content: [
    "import test from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { shorten } from '../src/shortener.ts';",
    "test('codes have 7 characters', () => assert.equal(shorten('https://a.example').length, 7));",
    "test('a URL keeps its code', () => assert.equal(shorten('https://a.example'), shorten('https://a.example')));",
    '',
  ].join('\n'),
};
const codeFile = {
  path: 'src/shortener.ts',
  content:
    "import { createHash } from 'node:crypto';\nexport const shorten = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 7);\n",
};

/** The git record through the gateway: what a team clones with its token. */
describe('the git record of a project (manual mode, git over smart HTTP)', () => {
  let system: RunningSystem;
  let work: string;

  beforeAll(async () => {
    system = await startSystem();
    work = await mkdtemp(join(tmpdir(), 'codemyspec-clone-'));
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** Real git as a user runs it, with no user or system config. */
  const git = (args: string[], cwd = work) =>
    run('git', args, {
      cwd,
      env: {
        PATH: process.env.PATH,
        HOME: work,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_TERMINAL_PROMPT: '0',
      },
    });
  const withToken = (token: string) => ['-c', `http.extraHeader=Authorization: Bearer ${token}`];

  it('commits each step with its trailers; clones with a token; refuses a push, a stranger and no token', async () => {
    if (!(await sandboxDriver())) return;
    const projectId = (
      await system.ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Links", description: "" }) { id } }`,
      )
    ).createProject.id;
    const token = async (project: string, name: string) =>
      (
        await system.ok<{ createApiToken: { token: string } }>(
          `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
          { i: { name, projectId: project, role: 'EDITOR' } },
        )
      ).createApiToken.token;
    const dana = await token(projectId, 'dana');
    const ok = <T>(query: string, variables: Record<string, unknown>) => system.ok<T>(query, variables, dana);
    const story = (
      await ok<{ createStory: { id: string } }>(
        `mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }`,
        {
          i: {
            projectId,
            title: 'Shorten a URL',
            description: 'As a user I want short links so that I can share them',
            acceptanceCriteria: ['the code has 7 characters', 'the same URL gets the same code'],
          },
        },
      )
    ).createStory;
    const contextId = (
      await ok<{ createContext: { id: string } }>(
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
        { i: { projectId, name: 'Links', type: 'DOMAIN' } },
      )
    ).createContext.id;
    const componentId = (
      await ok<{ createComponent: { id: string } }>(
        `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
        { i: { projectId, parentId: contextId, name: 'Shortener', type: 'other' } },
      )
    ).createComponent.id;
    await waitFor(
      async () =>
        (
          await system.graphql(
            `mutation($i: LinkStoryToComponentInput!) { linkStoryToComponent(input: $i) { id } }`,
            { i: { storyId: story.id, componentId } },
            dana,
          )
        ).errors === undefined,
      30_000,
      'the story to reach the architect',
    );
    // Story changes are committed once the project goes quiet: wait for them, so the design comes after.
    const url = `${system.url}/git/${projectId}.git`;
    const clone = join(work, 'links');
    const freshClone = async () => {
      await rm(clone, { recursive: true, force: true });
      await git([...withToken(dana), 'clone', '--quiet', url, clone]);
    };
    await waitFor(
      async () => {
        try {
          await freshClone();
          return (await readFile(join(clone, 'docs/user_stories.md'), 'utf8')).includes('AC-2');
        } catch {
          return false;
        }
      },
      30_000,
      'the story in the git record',
    );
    await ok(`mutation($i: SubmitDesignInput!) { submitDesign(input: $i) { valid } }`, {
      i: { componentId, markdown: design },
    });
    const runTests = async (files: { path: string; content: string }[]) =>
      (
        await ok<{ runTests: { id: string; evidence: string } }>(
          `mutation($i: RunTestsInput!) { runTests(input: $i) { id evidence } }`,
          { i: { projectId, componentId, files, asEvidence: true } },
        )
      ).runTests;
    const red = await runTests([testFile]);
    expect(red.evidence).toBe('RED');
    const green = await runTests([testFile, codeFile]);
    expect(green.evidence).toBe('GREEN');

    // The record follows the events: wait for the green commit, then clone as a user would.
    await waitFor(
      async () => {
        try {
          await freshClone();
          const { stdout } = await git(
            ['log', '-1', '--format=%(trailers:key=Sandbox-Run,valueonly)'],
            clone,
          );
          return stdout.trim() === green.id;
        } catch {
          return false;
        }
      },
      30_000,
      'the green code in the git record',
    );
    if (process.env.DEBUG_SERVICES) process.stderr.write((await git(['log', '--stat'], clone)).stdout);
    // The green commit closes each criterion's chain in the traceability report, and is on the timeline.
    const { stdout: greenCommit } = await git(['rev-parse', 'HEAD'], clone);
    await waitFor(
      async () => {
        const { traceability } = await ok<{ traceability: { criteria: { commit: string | null }[] } }>(
          `query($p: ID!) { traceability(projectId: $p) { criteria { commit } } }`,
          { p: projectId },
        );
        return traceability.criteria.every((c) => c.commit === greenCommit.trim());
      },
      30_000,
      'the green commit in the traceability report',
    );
    const timeline = await ok<{
      projectTimeline: { edges: { node: { type: string; data: { commit?: string; kind?: string } } }[] };
    }>(`query($p: ID!) { projectTimeline(projectId: $p, first: 100) { edges { node { type data } } } }`, {
      p: projectId,
    });
    const kinds = timeline.projectTimeline.edges
      .filter((e) => e.node.type === 'ArtifactCommitted')
      .map((e) => e.node.data.kind);
    expect(kinds.filter((kind) => kind !== 'STORIES').sort()).toEqual(['DESIGN', 'GREEN', 'RED']);
    expect(kinds).toContain('STORIES');
    expect(await readFile(join(clone, 'src/shortener.ts'), 'utf8')).toBe(codeFile.content);
    expect(await readFile(join(clone, 'test/shortener.test.ts'), 'utf8')).toBe(testFile.content);
    expect(await readFile(join(clone, 'docs/design/links/shortener.md'), 'utf8')).toBe(design);
    expect(await readFile(join(clone, 'docs/user_stories.md'), 'utf8')).toContain(
      '- AC-1: the code has 7 characters\n- AC-2: the same URL gets the same code',
    );
    const { stdout: log } = await git(['log', '--reverse', '--format=%s|%an|%cn'], clone);
    const subjects = log.trim().split('\n');
    // Story changes close together share one commit of user_stories.md; then one commit per step.
    expect(subjects[0]).toMatch(
      /^Project Links created(, and 1 more story change)?\|(admin|dana)\|CodeMySpec$/,
    );
    expect(subjects.slice(-3)).toEqual([
      'Design of Shortener: version 1 accepted|dana|CodeMySpec',
      'Tests of Shortener: red (1 failing before the code)|dana|CodeMySpec',
      'Code of Shortener: green (2 passing)|dana|CodeMySpec',
    ]);
    const { stdout: trailers } = await git(
      ['log', '-1', '--format=%(trailers:only,unfold)', 'HEAD~1'],
      clone,
    );
    expect(trailers.trim().split('\n').slice(0, 5)).toEqual([
      'Story: AC-1, AC-2',
      `Component: Shortener (${componentId})`,
      'Design-Version: 1',
      `Sandbox-Run: ${red.id}`,
      expect.stringMatching(/^Actor: dana \(.+\)$/),
    ]);
    // The red commit holds the tests alone.
    const { stdout: redTree } = await git(['ls-tree', '-r', '--name-only', 'HEAD~1'], clone);
    expect(redTree.trim().split('\n')).toEqual([
      'docs/design/links/shortener.md',
      'docs/user_stories.md',
      'test/shortener.test.ts',
    ]);

    // Fetch works, and so does the token as a password with any user name.
    await git([...withToken(dana), 'fetch', '--quiet', 'origin'], clone);
    const basic = new URL(url);
    basic.username = 'anyone';
    basic.password = dana;
    await git(['clone', '--quiet', basic.toString(), join(work, 'basic')]);

    // The CLI clones by project name with the saved token, which stays out of the clone's config.
    const viaCli = join(work, 'via-cli');
    const cliEnv = {
      ...process.env,
      CODEMYSPEC_URL: system.url,
      CODEMYSPEC_TOKEN: dana,
      CODEMYSPEC_CONFIG: join(work, 'none.json'),
    };
    await run(process.execPath, [BIN, 'clone', 'Links', viaCli], { env: cliEnv });
    expect(await readFile(join(viaCli, 'src/shortener.ts'), 'utf8')).toBe(codeFile.content);
    expect(await readFile(join(viaCli, '.git/config'), 'utf8')).not.toContain(dana);
    await run(process.execPath, [BIN, 'pull', viaCli], { env: cliEnv });
    // …and runs the tests of a commit of it: the red commit is red, the green one green.
    const testsRun = (ref: string, expect: string) =>
      run(
        process.execPath,
        [
          BIN,
          'tests',
          'run',
          viaCli,
          '--ref',
          ref,
          '--project',
          projectId,
          '--component',
          componentId,
          '--expect',
          expect,
        ],
        { env: cliEnv },
      );
    await testsRun('HEAD~1', 'red');
    await testsRun('HEAD', 'green');

    // A push is refused, saying why.
    await git(
      [
        '-c',
        'user.name=x',
        '-c',
        'user.email=x@example.invalid',
        'commit',
        '--quiet',
        '--allow-empty',
        '-m',
        'x',
      ],
      clone,
    );
    const push = await git([...withToken(dana), 'push', 'origin', 'HEAD:main'], clone).catch(
      (error: { stderr: string }) => error,
    );
    expect(push.stderr).toMatch(/read-only/);

    // Another project's token sees no repository; no token is 401 with a challenge.
    const stranger = await token(
      (
        await system.ok<{ createProject: { id: string } }>(
          `mutation { createProject(input: { name: "Other", description: "" }) { id } }`,
        )
      ).createProject.id,
      'stranger',
    );
    const foreign = await git([...withToken(stranger), 'clone', url, join(work, 'foreign')]).catch(
      (error: { stderr: string }) => error,
    );
    expect(foreign.stderr).toMatch(/not found|404/);
    // The record is a projection of the events: rebuilt from them alone, every repository has the same tree.
    const { stdout: replayed } = await run(
      process.execPath,
      [resolve(__dirname, '../../dist/scripts/replay.js'), 'sessions.git-record', '--from', 'event-store'],
      { env: { ...process.env, DATABASE_URL: system.db.url, CODEMYSPEC_DATA_DIR: system.dataDir } },
    );
    const check = JSON.parse(replayed) as {
      equal: boolean;
      repositories: { projectId: string; equal: boolean; liveCommits: number }[];
    };
    expect(check.equal).toBe(true);
    expect(check.repositories).toContainEqual(expect.objectContaining({ projectId, equal: true }));
    const anonymous = await fetch(`${url}/info/refs?service=git-upload-pack`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="CodeMySpec"');
    const unknown = await fetch(
      `${system.url}/git/00000000-0000-4000-8000-000000000000.git/info/refs?service=git-upload-pack`,
      {
        headers: { authorization: `Bearer ${stranger}` },
      },
    );
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe(
      (
        await (
          await fetch(`${url}/info/refs?service=git-upload-pack`, {
            headers: { authorization: `Bearer ${stranger}` },
          })
        ).text()
      ).replace(projectId, '00000000-0000-4000-8000-000000000000'),
    );
  }, 180_000);

  it('records the references given to criteria an older version wrote without one (CLI `stories refs`)', async () => {
    const projectId = (
      await system.ok<{ createProject: { id: string } }>(
        `mutation { createProject(input: { name: "Gifts", description: "" }) { id } }`,
      )
    ).createProject.id;
    await writeLegacyStory(await system.db.dataSource(), projectId, 'Gift cards', [
      'a card pays up to its balance',
      'a used card is empty',
    ]);
    const clone = join(work, 'gifts');
    const url = `${system.url}/git/${projectId}.git`;
    /** The stories file as a fresh clone has it; empty until the record has the project. */
    const storiesFile = async () => {
      await rm(clone, { recursive: true, force: true });
      try {
        await git([...withToken(E2E_ADMIN_TOKEN), 'clone', '--quiet', url, clone]);
        return await readFile(join(clone, 'docs/user_stories.md'), 'utf8');
      } catch {
        return '';
      }
    };
    await waitFor(
      async () => (await storiesFile()).includes('a used card is empty'),
      30_000,
      'the legacy story',
    );
    expect(await storiesFile()).not.toContain('AC-');

    const cliEnv = {
      ...process.env,
      CODEMYSPEC_URL: system.url,
      CODEMYSPEC_TOKEN: E2E_ADMIN_TOKEN,
      CODEMYSPEC_CONFIG: join(work, 'none.json'),
    };
    const given = await run(process.execPath, [BIN, '--json', 'stories', 'refs', '--project', 'Gifts'], {
      env: cliEnv,
    });
    expect(JSON.parse(given.stdout)).toEqual({ projectId, given: 2 });
    await waitFor(
      async () =>
        (await storiesFile()).includes('- AC-1: a card pays up to its balance\n- AC-2: a used card is empty'),
      30_000,
      'the references in user_stories.md',
    );
    const { stdout: subject } = await git(['log', '-1', '--format=%s'], clone);
    expect(subject).toMatch(/^AC-1, AC-2 given to criteria of "Gift cards"/);
    const again = await run(process.execPath, [BIN, 'stories', 'refs', '--project', 'Gifts'], {
      env: cliEnv,
    });
    expect(again.stdout.trim()).toBe('every criterion already has a reference');
  }, 120_000);
});
