import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { writeLegacyStory } from '../support/legacy-story';
import { TOTALS_DESIGN } from './fixtures';
import { cliRunner } from './cli-runner';
import { launchChromium, watchedPage } from './headless-browser';
import { createMethodProject } from './method-project';
import { responder } from './scripted-model';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

const FIXTURES = resolve(__dirname, '../fixtures/model-replies');

/** Clicks until the page shows `done` (a write that waits for another service to catch up). */
async function retryUntil(
  page: Page,
  click: () => Promise<void>,
  done: () => Promise<boolean>,
  what: string,
) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await click();
    await page.waitForTimeout(500);
    if (await done()) return;
  }
  throw new Error(`timed out: ${what}`);
}

/** The web console in headless Chromium: the manual path from a new project to green, a live session, the timeline. */
describe('the web console in a browser', () => {
  let system: RunningSystem;
  let llm: ScriptedLlmServer;
  let browser: Browser | null;

  beforeAll(async () => {
    llm = await startScriptedLlmServer(responder());
    [system, browser] = await Promise.all([
      startSystem({ OPENAI_BASE_URL: llm.baseUrl, OPENAI_API_KEY: 'sk-console-test' }),
      launchChromium(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await llm?.close();
  });

  it('runs the manual path from a new project to a green component, follows a session live and reads the timeline', async () => {
    if (!browser || !(await sandboxDriver())) return;
    const tab = await watchedPage(browser);
    const { page } = tab;

    await page.goto(`${system.url}/`);
    await page.getByLabel('API token').fill('cms_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await tab.screenshot('console-sign-in');
    await page.getByLabel('API token').fill(E2E_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('New project').fill('Browser shop');
    await page.getByRole('button', { name: 'Create project' }).click();

    // Stories: a new story with its criteria, on the board.
    await page.getByRole('heading', { name: 'Stories' }).waitFor();
    const projectId = /#\/projects\/([^/]+)\//.exec(page.url())![1];
    await page.getByLabel('Title').fill('Invoice totals');
    await page.getByLabel('Description').fill('As a clerk I want invoice totals so that I can bill');
    await page
      .getByLabel('Acceptance criteria (one per line)')
      .fill('the total is the sum of price times quantity\nan empty invoice totals zero');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page
      .getByRole('region', { name: 'IN_PROGRESS' })
      .getByText('Invoice totals', { exact: true })
      .waitFor();
    await page.getByText('AC-2').first().waitFor();
    await tab.screenshot('console-stories');

    // Architecture: a context and a component, drawn.
    await page.getByRole('link', { name: 'Architecture', exact: true }).click();
    await page.getByLabel('New context').fill('Billing');
    await page.getByRole('button', { name: 'Add context' }).click();
    await page.getByLabel('New component').fill('Totals');
    await page.getByRole('button', { name: 'Add component' }).click();
    const node = page.getByRole('link', { name: /^Totals: design MISSING/ });
    await node.waitFor();
    // The dashboard says what to do next, per component, with why.
    await page.getByRole('link', { name: 'Next steps', exact: true }).click();
    await page
      .getByRole('region', { name: 'WRITE_DESIGN' })
      .getByRole('row', { name: /Totals.*no design yet/ })
      .waitFor();
    await page.getByRole('link', { name: 'Architecture', exact: true }).click();
    await node.click();

    // The component: link the story, write the design, red then green.
    await page.getByRole('heading', { name: /Totals/ }).waitFor();
    await retryUntil(
      page,
      () => page.getByRole('button', { name: 'Link story' }).click(),
      () =>
        page
          .getByRole('heading', { name: 'Stories' })
          .locator('..')
          .getByText('Invoice totals', { exact: true })
          .isVisible(),
      'the story linked',
    );
    await page.getByLabel(/Markdown, following the template/).fill(TOTALS_DESIGN);
    await page.getByRole('button', { name: 'Submit design' }).click();
    await page.getByText('version 1').waitFor();
    await page.getByLabel('File 1 path').fill('test/totals.test.ts');
    await page
      .getByLabel('File 1 content')
      .fill(await readFile(resolve(FIXTURES, 'tests-tool-content.txt'), 'utf8'));
    await page.getByRole('button', { name: 'Run in the sandbox' }).click();
    await page.getByRole('status').getByText('RED').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Add a file' }).click();
    await page.getByLabel('File 2 path').fill('src/totals.ts');
    await page
      .getByLabel('File 2 content')
      .fill(await readFile(resolve(FIXTURES, 'code-tool-content.txt'), 'utf8'));
    await page.getByRole('button', { name: 'Run in the sandbox' }).click();
    await page.getByRole('status').getByText('GREEN').waitFor({ timeout: 60_000 });
    const evidence = page.locator('tbody tr td:nth-child(2)');
    await page.locator('tbody tr').nth(1).waitFor();
    expect(await evidence.allTextContents()).toEqual(['GREEN', 'RED']);
    // The traceability row follows the runs through the architect's read model: reload until it shows.
    await retryUntil(
      page,
      async () => void (await page.reload()),
      () => page.getByText('VERIFIED').first().isVisible(),
      'the criteria verified',
    );
    await tab.screenshot('console-component');

    await page.getByRole('link', { name: 'Architecture', exact: true }).click();
    await page.getByRole('link', { name: /^Totals: design ACCEPTED, tests GREEN, code GREEN/ }).waitFor();
    await tab.screenshot('console-architecture');

    // An automated session, followed live (another project, made ready through the API).
    const scripted = await createMethodProject(system, 'Console shop');
    await page.goto(`${system.url}/#/projects/${scripted.projectId}/sessions`);
    await page.getByLabel('Component').selectOption({ label: 'Totals' });
    await page.getByLabel('Type').selectOption('DESIGN');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByText('SessionSucceeded').waitFor({ timeout: 60_000 });
    await page
      .getByText(/revise_design/)
      .first()
      .waitFor();
    await tab.screenshot('console-session');

    // A session started elsewhere (the CLI) is listed with the others, newest first, and opens.
    const { ok: cliOk } = cliRunner(await mkdtemp(join(tmpdir(), 'codemyspec-console-cli-')));
    const cliSession = (
      await cliOk(
        ['session', 'start', '--project', 'Console shop', '--component', 'Totals', '--type', 'TESTS'],
        {
          env: { CODEMYSPEC_URL: system.url, CODEMYSPEC_TOKEN: E2E_ADMIN_TOKEN },
        },
      )
    ).trim();
    await page.goto(`${system.url}/#/projects/${scripted.projectId}/sessions`);
    const sessions = page.getByRole('table', { name: 'Sessions of the project' });
    await sessions.getByRole('row').nth(1).getByRole('cell', { name: 'TESTS' }).waitFor();
    await sessions.getByRole('row').nth(2).getByRole('cell', { name: 'DESIGN' }).waitFor();
    await sessions.getByRole('row').nth(1).getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/sessions/${cliSession}$`));
    await page
      .getByLabel('Live session')
      .getByText(/^TESTS session/)
      .waitFor();
    await tab.screenshot('console-sessions');

    // The projects page counts; the timeline in names, and the replay check.
    await page.goto(`${system.url}/#/projects`);
    await page.getByText(/1 stories · 2 components · 0 dirty · 2 criteria verified/).waitFor();
    await tab.screenshot('console-projects');
    await page.goto(`${system.url}/#/projects/${projectId}/timeline`);
    // Newest first: the green run is on the first page, and the page says how many there are.
    await page.getByRole('cell', { name: 'SandboxRunRecorded' }).first().waitFor();
    await page
      .getByRole('note')
      .getByText(/^Showing \d+ of \d+ events, newest first\.$/)
      .waitFor();
    await page.getByLabel('Order').selectOption('OLDEST_FIRST');
    await page
      .getByRole('note')
      .getByText(/oldest first/)
      .waitFor();
    await page.getByRole('cell', { name: 'story “Invoice totals”' }).first().waitFor();
    // An event of the project's architecture stream is shown by the component it is about.
    await page
      .getByRole('row', { name: /ComponentCreated.*Totals/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Verify replay' }).click();
    await page
      .getByRole('status')
      .getByText(/identical to the live timeline/)
      .waitFor({ timeout: 30_000 });
    await tab.screenshot('console-timeline');

    // An EDITOR edits a story on the board: a new criterion gets the next reference.
    await page.goto(`${system.url}/#/projects/${projectId}/stories`);
    await page.getByRole('button', { name: /^Invoice totals/ }).click();
    await page.getByLabel('New criterion').fill('a negative quantity is refused');
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.getByText('a negative quantity is refused').waitFor();
    expect(await page.getByText('AC-3').count()).toBeGreaterThan(0);

    // A narrow window still shows the board, one column under another.
    await page.setViewportSize({ width: 420, height: 800 });
    await page.goto(`${system.url}/#/projects/${projectId}/stories`);
    await page.getByText('Invoice totals', { exact: true }).first().waitFor();
    await tab.screenshot('console-narrow');

    expect(tab.offHost()).toEqual([]);
    // The browser logs the wrong token's 401 itself; nothing else may fail.
    expect(tab.consoleErrors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    await tab.close();
  }, 240_000);

  it('offers an EDITOR references for criteria an older version recorded without one', async () => {
    if (!browser) return;
    const { createProject } = await system.ok<{ createProject: { id: string } }>(
      `mutation { createProject(input: { name: "Older shop", description: "" }) { id } }`,
    );
    await writeLegacyStory(await system.db.dataSource(), createProject.id, 'Gift cards', [
      'a card pays up to its balance',
      'a used card is empty',
    ]);
    const tab = await watchedPage(browser);
    const { page } = tab;
    await page.goto(`${system.url}/`);
    await page.getByLabel('API token').fill(E2E_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto(`${system.url}/#/projects/${createProject.id}/stories`);
    await page.getByText('2 criteria have no AC- reference yet', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Give them references' }).click();
    await page.getByText('AC-2').waitFor();
    expect(await page.getByText('no AC- reference yet').count()).toBe(0);
    expect(tab.offHost()).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  }, 60_000);
});
