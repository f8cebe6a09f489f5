import type { Browser } from 'playwright-core';
import { launchChromium, watchedPage } from './headless-browser';
import type { RunningSystem } from './system';
import { E2E_ADMIN_TOKEN, startSystem } from './system';

/** The bundled GraphQL explorer in headless Chromium: a token, a query, its result; nothing off 127.0.0.1. */
describe('the GraphQL explorer in a browser', () => {
  let system: RunningSystem;
  let browser: Browser | null;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('asks for the token, keeps it in session storage, runs a query and shows the result', async () => {
    if (!browser) return;
    await system.ok(`mutation { createProject(input: { name: "Explorer shop", description: "" }) { id } }`);
    const tab = await watchedPage(browser);
    const { page } = tab;
    // A browser opening the API itself lands on the explorer.
    await page.goto(`${system.url}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/explorer/');
    await page.getByLabel('API token').fill('cms_not-a-real-token');
    await page.getByRole('button', { name: 'Open the explorer' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/token/i);

    await page.getByLabel('API token').fill(E2E_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Open the explorer' }).click();
    await page.getByText('Signed in as').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('codemyspec.apiToken'))).toBe(E2E_ADMIN_TOKEN);
    // GraphiQL keeps its tabs and history in local storage, never the token (headers are not persisted).
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(E2E_ADMIN_TOKEN);
    // The editor is ready once it shows the first query (and the schema has loaded for the docs).
    await page.locator('.graphiql-query-editor').getByText('query Projects').waitFor();
    await page.getByRole('button', { name: /show documentation explorer/i }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('Explorer shop').waitFor({ timeout: 15_000 });
    await tab.screenshot('explorer');

    // A reload keeps the tab signed in; signing out forgets the token.
    await page.reload();
    await page.getByText('Signed in as').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('codemyspec.apiToken'))).toBeNull();
    expect(tab.offHost()).toEqual([]);
    await tab.close();
  }, 60_000);
});
