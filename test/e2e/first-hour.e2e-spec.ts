import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@app/testing/wait-for';
import { cliRunner } from './cli-runner';
import { component } from './shortener-kit';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

const TEST_FILE = (length: number) =>
  [
    "import test from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { shorten } from '../src/shortener.ts';",
    `test('codes have ${length} characters', () => assert.equal(shorten('https://a.example').length, ${length}));`,
    "test('a URL keeps its code', () => assert.equal(shorten('https://a.example'), shorten('https://a.example')));",
  ].join('\n');
const CODE_FILE = (length: number) =>
  `import { createHash } from 'node:crypto';\nexport const shorten = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, ${length});\n`;

/**
 * The first hour of a new user, as the README's walkthrough tells it, through the CLI only: names
 * where ids were asked, criteria by AC-n, a subcommand's own --version, the user_stories.md example,
 * red then green, the waiver and the causes it names, the timeline newest first, a clone named after
 * the project. Every trap of the review is played here.
 */
describe('the first hour, through the CLI', () => {
  let system: RunningSystem;
  let home: string;

  beforeAll(async () => {
    system = await startSystem();
    home = await mkdtemp(join(tmpdir(), 'codemyspec-first-hour-'));
  }, 120_000);
  afterAll(() => system?.stop());

  it('takes a new project from an example user_stories.md to a verified component, by names', async () => {
    if (!(await sandboxDriver())) return;
    const { cli, ok } = cliRunner(home);
    const env = { CODEMYSPEC_URL: system.url, CODEMYSPEC_TOKEN: E2E_ADMIN_TOKEN };
    const run = (...args: string[]) => ok(args, { env });
    const json = async <T>(...args: string[]) => JSON.parse(await run('--json', ...args)) as T;

    expect((await cli(['--version'], { env })).stdout.trim()).toBe('codemyspec 0.1.0');
    await run('projects', 'create', 'Shorty');
    const stories = join(home, 'user_stories.md');
    await writeFile(stories, await run('stories', 'template'));
    expect(await readFile(stories, 'utf8')).toContain('### Acceptance Criteria');
    await run('stories', 'import', stories, '--project', 'Shorty');
    // The project by name everywhere: import, export, list, trace.
    expect(await run('stories', 'export', '--project', 'Shorty')).toContain(
      '- AC-1: a valid URL gets a code of 7 characters',
    );
    const listed = await json<{ id: string; title: string }[]>('stories', 'list', '--project', 'Shorty');
    const shorten = listed.find((s) => s.title === 'Shorten a URL')!;

    await run('contexts', 'create', '--project', 'Shorty', '--name', 'Links');
    await run('components', 'create', '--project', 'Shorty', '--context', 'Links', '--name', 'Shortener');
    await waitFor(
      async () => (await cli(['components', 'link', 'Shortener', shorten.id], { env })).code === 0,
      30_000,
      'the story to reach the architect',
    );
    // A design template for any component type; the design cites AC-1 to AC-3.
    expect(await run('design', 'template', 'module')).toContain('## Test Assertions');
    const design = join(home, 'shortener.md');
    await writeFile(
      design,
      component([
        'codes have 7 characters [AC-1]',
        'a URL keeps its code [AC-2]',
        'refuses an invalid URL [AC-3]',
      ]),
    );
    await run('design', 'submit', design, '--component', 'Shortener');
    // The older convention still works: the component first.
    expect(await run('design', 'history', 'Shortener')).toMatch(/^1\s+ACCEPTED/m);

    const work = join(home, 'work');
    await mkdir(join(work, 'test'), { recursive: true });
    await writeFile(join(work, 'test', 'shortener.test.ts'), TEST_FILE(7));
    const runArgs = ['--project', 'Shorty', '--component', 'Shortener'];
    await run('tests', 'run', work, ...runArgs, '--expect', 'red');
    await mkdir(join(work, 'src'));
    await writeFile(join(work, 'src', 'shortener.ts'), CODE_FILE(7));
    await run('tests', 'run', work, ...runArgs);
    const trace = await cli(['trace', '--project', 'Shorty', '--component', 'Shortener'], { env });
    expect(trace.stdout).toMatch(/^AC-1\s+VERIFIED/m);
    expect(trace.stdout).toMatch(/^AC-3\s+UNCITED|^AC-3\s+UNTESTED/m);

    // AC-1 by its reference; a missing story id is named as such.
    const wrong = await cli(['stories', 'criteria', 'edit', 'AC-1', 'the code has 8 characters'], { env });
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('the story id is missing')]);
    await run('stories', 'criteria', 'edit', shorten.id, 'AC-1', 'a valid URL gets a code of 8 characters');
    // A subcommand's --version is its own.
    expect(await run('stories', 'show', shorten.id, '--version', '1')).toContain('version 1');
    await waitFor(
      async () => (await run('components', 'show', 'Shortener')).includes('CRITERION_CHANGED'),
      30_000,
      'the cause',
    );
    const shown = await run('components', 'show', 'Shortener');
    expect(shown).toMatch(/AC-1 of "Shorten a URL" changed/);
    const cause = /\((story-[0-9a-f-]+@\d+)\)/.exec(shown)![1];
    await run(
      'components',
      'accept-design',
      'Shortener',
      '--reason',
      'the length is a detail',
      '--cause',
      cause,
    );
    // The waiver did not make the old green run verify the new text.
    await waitFor(
      async () =>
        /^AC-1\s+NOT_GREEN/m.test(
          (await cli(['trace', '--project', 'Shorty', '--component', 'Shortener'], { env })).stdout,
        ),
      30_000,
      'AC-1 waiting for a green run after its change',
    );

    // The timeline, newest first, says how many there are: the waiver is among the newest.
    const timeline = await cli(['timeline', '--project', 'Shorty', '--first', '6'], { env });
    const lines = timeline.stdout.trim().split('\n');
    const times = lines.map((line) => line.slice(0, 24));
    expect(times).toEqual([...times].sort().reverse());
    expect(timeline.stdout).toContain('ComponentDirtinessWaived');
    expect(timeline.stderr).toMatch(/^showing 6 of \d+ event\(s\), newest first/);

    // A clone is named after the project.
    const clones = join(home, 'clones');
    await mkdir(clones);
    await waitFor(
      async () => (await cli(['clone', 'Shorty'], { env, cwd: clones })).code === 0,
      60_000,
      'the first commit',
    );
    expect(existsSync(join(clones, 'Shorty', 'docs', 'user_stories.md'))).toBe(true);
  }, 240_000);
});
