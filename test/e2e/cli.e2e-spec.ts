import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { waitFor } from '@app/testing/wait-for';
import { cliRunner } from './cli-runner';
import { design, responder } from './scripted-model';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

/** The CLI as a user runs it: its own process, against the running system. */
describe('the codemyspec CLI (spawned) against the running system', () => {
  let system: RunningSystem;
  let llm: ScriptedLlmServer;
  let home: string;

  beforeAll(async () => {
    llm = await startScriptedLlmServer(responder());
    system = await startSystem({ OPENAI_BASE_URL: llm.baseUrl, OPENAI_API_KEY: 'sk-cli-test' });
    home = await mkdtemp(join(tmpdir(), 'codemyspec-cli-'));
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await llm?.close();
  });

  const runner = () => cliRunner(home);
  const cli = (...a: Parameters<ReturnType<typeof runner>['cli']>) => runner().cli(...a);
  const ok = (...a: Parameters<ReturnType<typeof runner>['ok']>) => runner().ok(...a);

  it('explains itself, and refuses bad usage with exit code 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'login',
      'projects',
      'stories import',
      'stories export',
      'design template',
      'design validate',
      'design submit',
      'trace',
      'tests run',
      'session start',
      'session watch',
      'timeline',
    ])
      expect(help.stdout).toContain(command);
    const runHelp = await cli(['tests', 'run', '--help']);
    expect(runHelp).toMatchObject({ code: 0 });
    expect(runHelp.stdout).toContain(
      'Usage: codemyspec tests run <dir> --project <project> --component <component>',
    );
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['stories', 'export'])).stderr).toContain('--project is required');
    expect((await cli(['stories', 'export', '--bogus'])).code).toBe(2);
    const notLoggedIn = await cli(['projects']);
    expect(notLoggedIn.code).toBe(1);
    expect(notLoggedIn.stderr).toContain('not logged in');
  });

  it('logs in (refusing a bad token), and runs the manual workflow: stories, designs, tests, a watched session, the timeline', async () => {
    if (!(await sandboxDriver())) return;
    const refused = await cli(['login', '--url', system.url, '--token', 'cms_wrong']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('UNAUTHENTICATED');
    const login = await ok(['login', '--url', system.url], { stdin: `${E2E_ADMIN_TOKEN}\n` });
    expect(login).toContain('Logged in to');
    expect((await stat(join(home, 'config.json'))).mode & 0o777).toBe(0o600);

    const projectId = (
      await ok(['projects', 'create', 'CLI shop', '--description', 'from the terminal'])
    ).trim();
    expect(await ok(['projects'])).toContain(`${projectId}  CLI shop`);

    const storiesFile = join(home, 'user_stories.md');
    await writeFile(
      storiesFile,
      [
        '## Invoice totals',
        '',
        'As a clerk I want invoice totals so that I can bill',
        '',
        '### Acceptance Criteria',
        '',
        '- the total is the sum of price times quantity',
        '',
        '## Refunds',
        '',
        'As a clerk I want to refund an invoice so that customers get their money back',
        '',
        '### Acceptance Criteria',
        '',
        '- a refund never exceeds the invoice total',
        '',
      ].join('\n'),
    );
    const imported = await cli(['stories', 'import', storiesFile, '--project', projectId]);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stderr).toContain('imported 2 stories');
    // Importing the file again names every repeated title with its line; nothing is created.
    const reimported = await cli(['stories', 'import', storiesFile, '--project', projectId]);
    expect(reimported.code).toBe(1);
    expect(reimported.stderr).toMatch(/nothing was imported: 2 problem\(s\) in 2 of the 2 stories/);
    expect(reimported.stderr).toMatch(
      /stories\[1\]\.title: "Refunds" \(line \d+\): "Refunds" is already the title of another story/,
    );
    const exported = await ok(['stories', 'export', '--project', projectId]);
    expect(exported).toContain('## Invoice totals');
    expect(exported).toContain('- AC-2: a refund never exceeds the invoice total');

    const contextId = (
      await system.graphql<{ createContext: { id: string } }>(
        `mutation($i: CreateContextInput!) { createContext(input: $i) { id } }`,
        {
          i: { projectId, name: 'Billing', type: 'DOMAIN' },
        },
      )
    ).data!.createContext.id;
    const componentId = (
      await system.graphql<{ createComponent: { id: string } }>(
        `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
        {
          i: { projectId, parentId: contextId, name: 'Totals', type: 'other' },
        },
      )
    ).data!.createComponent.id;

    expect(await ok(['design', 'template', 'component'])).toContain('## Public API');
    const bad = join(home, 'bad.md');
    const good = join(home, 'good.md');
    await writeFile(bad, design('Totals', false).split('\n').slice(3, -1).join('\n'));
    await writeFile(good, design('Totals', true).split('\n').slice(3, -1).join('\n'));
    const invalid = await cli(['design', 'validate', bad, '--component', componentId]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/✗ .*Execution Flow/);
    expect(await ok(['design', 'validate', good, '--component', componentId])).toContain(
      '✓ valid (2 test assertion(s))',
    );
    expect(await ok(['design', 'submit', good, '--component', componentId])).toContain(
      'version 1 (accepted)',
    );

    const testsDir = join(home, 'red');
    await mkdir(join(testsDir, 'test'), { recursive: true });
    await writeFile(
      join(testsDir, 'test', 'totals.test.ts'),
      "import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { total } from '../src/totals.ts';\ntest('adds the line totals', () => assert.equal(total([{ price: 2, qty: 3 }]), 6));\n",
    );
    const red = await cli(['tests', 'run', testsDir, '--project', projectId, '--component', componentId]);
    expect(red.code).toBe(1); // failing tests fail the command…
    expect(red.stdout).toContain('✗ test/totals.test.ts (failed, missing_module)');
    expect(red.stdout).toMatch(
      /^FAILED: 0 passed, 1 failed in \d+ ms \((docker|bubblewrap), run [0-9a-f-]{36}\)$/m,
    );
    expect(red.stdout).toContain(
      'evidence: RED (1 test failed on an assertion or the missing implementation, and none passed)',
    );
    expect(
      (
        await cli([
          'tests',
          'run',
          testsDir,
          '--project',
          projectId,
          '--component',
          componentId,
          '--expect',
          'red',
        ])
      ).code,
    ).toBe(0); // …unless red is what you want
    await mkdir(join(testsDir, 'src'));
    await writeFile(
      join(testsDir, 'src', 'totals.ts'),
      'export const total = (lines: { price: number; qty: number }[]) => lines.reduce((s, l) => s + l.price * l.qty, 0);\n',
    );
    expect(
      await ok(['tests', 'run', testsDir, '--project', projectId, '--component', componentId]),
    ).toContain('✓ adds the line totals');

    const watched = await cli([
      'session',
      'start',
      '--component',
      componentId,
      '--type',
      'DESIGN',
      '--watch',
    ]);
    expect(watched.code).toBe(0);
    const lines = watched.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((l) => /^\[#*\.*\]\s+\d+% StepCompleted validate_design#1 — FAILED/.test(l))).toBe(
      true,
    );
    expect(lines.at(-1)).toMatch(
      /^\[#{24}\] 100% session [0-9a-f-]{36} SUCCEEDED: design version 2 accepted$/,
    );
    const again = await cli(['session', 'watch', lines[0]]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('SessionStarted');
    const shown = JSON.parse(await ok(['session', 'show', lines[0], '--json'])) as {
      status: string;
      steps: unknown[];
    };
    expect(shown.status).toBe('SUCCEEDED');
    expect(shown.steps.length).toBeGreaterThan(0);
    expect((await cli(['session', 'cancel', lines[0]])).stderr).toMatch(/CONFLICT|not running|already/i);

    await waitFor(
      async () =>
        (await ok(['timeline', '--project', projectId, '--first', '200'])).includes('SessionSucceeded'),
      30_000,
      'the session on the timeline',
    );
    const timeline = await ok(['timeline', '--project', projectId, '--first', '200']);
    // Neither story is linked to a component here: the trace says so and fails the gate.
    const trace = await cli(['trace', '--project', projectId]);
    expect(trace.code).toBe(1);
    expect(trace.stdout).toMatch(/^AC-1\s+UNLINKED\s+story "Invoice totals" is on no component/m);
    expect(trace.stdout).toContain('✗ incomplete: 2 UNLINKED');
    const verifiedOnly = await cli(['trace', '--project', projectId, '--status', 'verified']);
    expect(verifiedOnly.code).toBe(1); // the gate covers the project, whatever is listed
    expect(verifiedOnly.stdout).not.toMatch(/^AC-1/m);
    expect(verifiedOnly.stdout).toContain('✗ incomplete: 2 UNLINKED');
    const badStatus = await cli(['trace', '--project', projectId, '--status', 'green']);
    expect([badStatus.code, badStatus.stderr]).toEqual([2, expect.stringContaining('--status is one of')]);
    const traceJson = JSON.parse((await cli(['trace', '--project', projectId, '--json'])).stdout) as {
      complete: boolean;
    };
    expect(traceJson.complete).toBe(false);
    for (const type of [
      'ProjectCreated',
      'StoryCreated',
      'DesignSubmitted',
      'SandboxRunRecorded',
      'StepCompleted',
    ])
      expect(timeline).toContain(type);
    const config = JSON.parse(await readFile(join(home, 'config.json'), 'utf8')) as { url: string };
    expect(config.url).toBe(system.url);
  }, 180_000);
});
