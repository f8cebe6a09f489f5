import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { missingService } from '@app/testing/infra/require-infra';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots');

/** Headless Debian Chromium (no browser download): null, with a notice (or a failure in CI), when missing. */
export async function launchChromium(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) {
    missingService(
      'Chromium',
      `${CHROMIUM} is missing (apt-get install chromium; npm run infra:up installs it)`,
    );
    return null;
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page that records every request it makes: `offHost()` lists any that left 127.0.0.1 (the
 * console and the explorer must work offline, with no CDN or font request).
 */
export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page: Page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const offHost = () =>
    requests.filter(
      (url) => !/^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//.test(url) && !url.startsWith('data:'),
    );
  const screenshot = async (name: string) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const heading = page.locator('h1').first();
    if ((await heading.count()) > 0) await heading.scrollIntoViewIfNeeded(); // the top of the page
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };
  return { page, requests, consoleErrors, offHost, screenshot, close: () => context.close() };
}
