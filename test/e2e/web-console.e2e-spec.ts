import type { Browser } from 'playwright-core';
import type { ScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { startScriptedLlmServer } from '@app/testing/scripted-llm-server';
import { launchChromium, watchedPage } from './headless-browser';
import { createMethodProject } from './method-project';
import { responder } from './scripted-model';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, sandboxDriver, startSystem } from './system';

const TESTS = {
  path: 'test/totals.test.ts',
  content: [
    "import test from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { total } from '../src/totals.ts';",
    "test('adds the line totals', () => assert.equal(total([{ price: 2, qty: 3 }]), 6));",
    '',
  ].join('\n'),
};
const CODE = {
  path: 'src/totals.ts',
  content:
    'export const total = (lines: { price: number; qty: number }[]): number => lines.reduce((s, l) => s + l.price * l.qty, 0);\n',
};

/** The web console in headless Chromium, page by page, as a person uses it; nothing leaves 127.0.0.1. */
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

  it('signs in, edits the board, draws the architecture, shows red then green, follows a session live, reads the timeline', async () => {
    if (!browser || !(await sandboxDriver())) return;
    const { projectId, componentId } = await createMethodProject(system, 'Console shop');
    const tab = await watchedPage(browser);
    const { page } = tab;

    await page.goto(`${system.url}/`);
    await page.getByLabel('API token').fill('cms_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await tab.screenshot('console-sign-in');
    await page.getByLabel('API token').fill(E2E_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Console shop' }).waitFor();
    await page.getByText(/1 stories · 2 components/).waitFor();
    await tab.screenshot('console-projects');

    await page.getByRole('link', { name: 'Console shop' }).click();
    await page.getByText('Invoice totals').first().waitFor();
    await page.getByLabel('Title').fill('Refunds');
    await page.getByLabel('Description').fill('As a clerk I want refunds so that I can correct invoices');
    await page.getByLabel('Acceptance criteria (one per line)').fill('a refund never exceeds the total');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.getByRole('region', { name: 'IN_PROGRESS' }).getByText('Refunds').waitFor();
    await page.getByText('AC-2').first().waitFor();
    await tab.screenshot('console-stories');

    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByLabel('Component').selectOption({ label: 'Totals' });
    await page.getByLabel('Type').selectOption('DESIGN');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByText('SessionSucceeded').waitFor({ timeout: 60_000 });
    await page
      .getByText(/revise_design/)
      .first()
      .waitFor();
    await tab.screenshot('console-session');

    const run = (files: { path: string; content: string }[]) =>
      system.ok(`mutation($i: RunTestsInput!) { runTests(input: $i) { id } }`, {
        i: { projectId, componentId, files },
      });
    await run([TESTS]);
    await run([TESTS, CODE]);

    await page.getByRole('link', { name: 'Architecture' }).click();
    const node = page.getByRole('link', { name: /^Totals: design ACCEPTED/ });
    await node.waitFor();
    expect(await page.locator('svg.graph .lane').count()).toBe(1);
    await tab.screenshot('console-architecture');
    await node.click();
    await page.getByRole('heading', { name: /Totals/ }).waitFor();
    const evidence = page.locator('tbody tr td:nth-child(2)');
    await evidence.first().waitFor();
    expect(await evidence.allTextContents()).toEqual(['GREEN', 'RED']);
    await tab.screenshot('console-component');

    await page.goto(`${system.url}/#/projects/${projectId}/timeline`);
    await page.getByRole('cell', { name: 'SessionSucceeded' }).waitFor();
    await page.getByRole('cell', { name: 'story “Refunds”' }).first().waitFor();
    await page.getByRole('button', { name: 'Verify replay' }).click();
    await page
      .getByRole('status')
      .getByText(/identical to the live timeline/)
      .waitFor({ timeout: 30_000 });
    await tab.screenshot('console-timeline');

    // A narrow window still shows the board, one column under another.
    await page.setViewportSize({ width: 420, height: 800 });
    await page.goto(`${system.url}/#/projects/${projectId}/stories`);
    await page.getByText('Refunds').waitFor();
    await tab.screenshot('console-narrow');

    expect(tab.offHost()).toEqual([]);
    // The browser logs the wrong token's 401 itself; nothing else may fail.
    expect(tab.consoleErrors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    await tab.close();
  }, 180_000);
});
