import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitFor } from '@app/testing/wait-for';
import { cliRunner } from './cli-runner';
import { TOTALS_DESIGN } from './fixtures';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

const FIXTURES = resolve(__dirname, '../fixtures/model-replies');

/** The manual path of the method from a terminal only: every step a spawned `codemyspec … --json`. */
describe('the method through the CLI only (spawned, --json)', () => {
  let system: RunningSystem;
  let home: string;

  beforeAll(async () => {
    system = await startSystem();
    home = await mkdtemp(join(tmpdir(), 'codemyspec-cli-method-'));
  }, 120_000);
  afterAll(() => system?.stop());

  it('goes from projects create to a green run, a complete trace and a timeline with names', async () => {
    if (!(await sandboxDriver())) return;
    const { cli, ok } = cliRunner(home);
    // Global flags before the command; the login is saved for the rest.
    await ok(['--url', system.url, '--token', E2E_ADMIN_TOKEN, 'login']);
    const json = async <T>(...args: string[]) => JSON.parse(await ok(['--json', ...args])) as T;

    const project = await json<{ id: string }>('projects', 'create', 'Terminal shop');
    const story = await json<{ id: string; acceptanceCriteria: { ref: string }[] }>(
      'stories',
      'create',
      '--project',
      'Terminal shop',
      '--title',
      'Invoice totals',
      '--description',
      'As a clerk I want invoice totals so that I can bill',
      '--criterion',
      'the total is the sum of price times quantity',
      '--criterion',
      'an empty invoice totals zero',
    );
    expect(story.acceptanceCriteria.map((c) => c.ref)).toEqual(['AC-1', 'AC-2']);
    const context = await json<{ id: string }>(
      'contexts',
      'create',
      '--project',
      project.id,
      '--name',
      'Billing',
    );
    const component = await json<{ id: string }>(
      'components',
      'create',
      '--project',
      project.id,
      '--context',
      context.id,
      '--name',
      'Totals',
    );
    await waitFor(
      async () => (await cli(['components', 'link', component.id, story.id])).code === 0,
      30_000,
      'the story to reach the architect',
    );
    const next = await json<{ action: string; component: { name: string } }[]>(
      'next',
      '--project',
      project.id,
    );
    expect(next.find((n) => n.component.name === 'Totals')?.action).toBe('WRITE_DESIGN');

    const work = join(home, 'work');
    await mkdir(join(work, 'red', 'test'), { recursive: true });
    await mkdir(join(work, 'green', 'test'), { recursive: true });
    await mkdir(join(work, 'green', 'src'), { recursive: true });
    await writeFile(join(work, 'design.md'), TOTALS_DESIGN);
    await ok(['design', 'submit', join(work, 'design.md'), '--component', component.id]);
    expect(
      (await json<{ version: number; accepted: boolean }[]>('design', 'history', component.id))[0],
    ).toMatchObject({
      version: 1,
      accepted: true,
    });
    const tests = await readFile(join(FIXTURES, 'tests-tool-content.txt'), 'utf8');
    await writeFile(join(work, 'red', 'test', 'totals.test.ts'), tests);
    await writeFile(join(work, 'green', 'test', 'totals.test.ts'), tests);
    await writeFile(
      join(work, 'green', 'src', 'totals.ts'),
      await readFile(join(FIXTURES, 'code-tool-content.txt'), 'utf8'),
    );
    const runArgs = ['--project', project.id, '--component', component.id, '--evidence'];
    await ok(['tests', 'run', join(work, 'red'), ...runArgs, '--expect', 'red']);
    await ok(['tests', 'run', join(work, 'green'), ...runArgs]);
    const runs = await json<{ evidence: string }[]>('runs', 'list', '--component', component.id);
    expect(runs.map((r) => r.evidence)).toEqual(['GREEN', 'RED']);

    const trace = await cli(['trace', '--project', project.id, '--json']);
    expect(trace.code).toBe(0);
    expect((JSON.parse(trace.stdout) as { complete: boolean }).complete).toBe(true);
    const timeline = await ok(['timeline', '--project', 'Terminal shop', '--first', '500']);
    expect(timeline).toContain('story "Invoice totals"');
    // The architecture is one stream per project: its events name the component they are about.
    expect(timeline).toMatch(/ComponentCreated\s+Totals \(architecture\)/);
    expect(timeline).toMatch(/SandboxRunRecorded/);
    const status = await json<{ counts: Record<string, number> }>(
      'stories',
      'status',
      '--project',
      project.id,
    );
    expect(status.counts.COMPLETED).toBe(1);
    const doctor = await json<{ name: string; ok: boolean }[]>('doctor');
    expect(doctor.filter((c) => !c.ok)).toEqual([]);
  }, 180_000);

  it('never echoes a token back, and says what is wrong with exit code 2', async () => {
    const { cli } = cliRunner(home);
    const secret = 'cms_this-must-not-be-echoed-0123456789';
    for (const args of [
      ['--token', secret, 'frobnicate'],
      ['frobnicate', '--token', secret],
      ['stories', 'list', '--token', secret, '--bogus'],
    ]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
    const completion = await cli(['completion', 'bash']);
    expect(completion.code).toBe(0);
    expect(completion.stdout).toContain('complete -F _codemyspec codemyspec');
    expect(completion.stdout).toContain('"stories criteria") words="add edit remove verify"');
  });
});
