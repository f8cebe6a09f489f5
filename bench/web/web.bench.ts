import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { ROOT, withBenchSystem } from '../bench-services';

/**
 * `npm run bench:web`: the web console's bundle (raw and gzipped, the initial load apart from the
 * chunks loaded by one page) and, in headless Chromium against a local gateway, the first paint of
 * the sign-in page and the time until a signed-in person sees their projects — each beside the
 * floor: Chromium painting a response of the same server that runs no script (/health/live).
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function bundle(): { file: string; raw: number; gzip: number }[] {
  const dir = join(ROOT, 'dist', 'web', 'assets');
  return readdirSync(dir).map((file) => {
    const bytes = readFileSync(join(dir, file));
    return { file, raw: statSync(join(dir, file)).size, gzip: gzipSync(bytes).length };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One navigation in a fresh context: ms until `ready` resolves (and the paint timing of the page). */
async function timed(
  browser: Browser,
  url: string,
  ready: (page: import('playwright-core').Page) => Promise<unknown>,
  token?: string,
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (token) await context.addInitScript((t) => sessionStorage.setItem('codemyspec.apiToken', t), token);
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url);
  await ready(page);
  const elapsed = performance.now() - started;
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  await context.close();
  return { elapsed, fcp };
}

async function main(): Promise<void> {
  const assets = bundle();
  const initial = assets.filter((a) => a.file.startsWith('index-'));
  process.stdout.write('| asset | raw (kB) | gzip (kB) | loaded |\n|---|---|---|---|\n');
  for (const a of assets)
    process.stdout.write(
      `| ${a.file} | ${(a.raw / 1024).toFixed(1)} | ${(a.gzip / 1024).toFixed(1)} | ${a.file.startsWith('index-') ? 'first load' : 'with its page'} |\n`,
    );
  const initialGzip = initial.filter((a) => a.file.endsWith('.js')).reduce((n, a) => n + a.gzip, 0) / 1024;
  process.stdout.write(
    `\ninitial JavaScript: ${initialGzip.toFixed(1)} kB gzipped (target < 250 kB: ${initialGzip < 250 ? 'met' : 'missed'})\n\n`,
  );

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const options = { dataDirPrefix: 'codemyspec-bench-web-', secret: SECRET, adminToken: ADMIN };
  await withBenchSystem(options, async (system) => {
    const base = system.gateway.url;
    await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({
        query: 'mutation { createProject(input: { name: "Bench shop", description: "" }) { id } }',
      }),
    });
    const rows: Record<string, number[]> = { floor: [], signIn: [], signInFcp: [], projects: [] };
    for (let i = 0; i < ROUNDS + 1; i += 1) {
      const floor = await timed(browser, `${base}/health/live`, (p) => p.getByText('ok').first().waitFor());
      const signIn = await timed(browser, `${base}/`, (p) => p.getByLabel('API token').waitFor());
      const projects = await timed(
        browser,
        `${base}/`,
        (p) => p.getByRole('link', { name: 'Bench shop' }).waitFor(),
        ADMIN,
      );
      if (i === 0) continue; // warm-up
      rows.floor.push(floor.elapsed);
      rows.signIn.push(signIn.elapsed);
      rows.signInFcp.push(signIn.fcp ?? Number.NaN);
      rows.projects.push(projects.elapsed);
    }
    const floor = median(rows.floor);
    process.stdout.write(
      `| page (median of ${ROUNDS}, fresh context each) | ms | ratio to the floor |\n|---|---|---|\n`,
    );
    process.stdout.write(`| floor: /health/live painted | ${floor.toFixed(0)} | 1.00× |\n`);
    for (const [name, key] of [
      ['sign-in page usable (the token field shown)', 'signIn'],
      ['sign-in first contentful paint', 'signInFcp'],
      ['signed in: the projects listed (GraphQL included)', 'projects'],
    ] as const) {
      const ms = median(rows[key]);
      process.stdout.write(`| ${name} | ${ms.toFixed(0)} | ${(ms / floor).toFixed(2)}× |\n`);
    }
    const meaningful = median(rows.projects);
    process.stdout.write(
      `\nfirst meaningful paint (projects listed): ${meaningful.toFixed(0)} ms (target < 1000 ms: ${meaningful < 1000 ? 'met' : 'missed'})\n`,
    );
  }).finally(() => browser.close());
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:web failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
