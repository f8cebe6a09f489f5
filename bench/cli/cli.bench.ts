import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, withBenchSystem } from '../bench-services';

/**
 * `npm run bench:cli`: how long the CLI takes to answer, as a person types it, against a local
 * gateway: `--version`, and reads (`projects`, `stories list --project <name>`, `components show`).
 * Beside them the floors, in the same run: a bare `node -e 0` (the runtime's own start) and a node
 * script that POSTs the same `projects` query with node:http (start + one request, nothing else).
 * Targets: `--version` ≤ 200 ms, a read ≤ 400 ms.
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const run = promisify(execFile);

async function timed(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run(file, args, { env });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const median = (sorted: readonly number[]) => sorted[Math.floor(sorted.length / 2)];
const p90 = (sorted: readonly number[]) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];

async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'bench-cli-'));
  try {
    await withBenchSystem(
      { dataDirPrefix: 'bench-cli-', secret: SECRET, adminToken: ADMIN },
      async (system) => {
        const url = system.gateway.url;
        const env = { PATH: process.env.PATH, HOME: home, CODEMYSPEC_URL: url, CODEMYSPEC_TOKEN: ADMIN };
        const cli = join(ROOT, 'bin', 'codemyspec.js');
        const node = process.execPath;
        const setup = async (...args: string[]) => (await run(node, [cli, ...args], { env })).stdout.trim();
        await setup('projects', 'create', 'Bench shop');
        const stories = Array.from(
          { length: 20 },
          (_, i) =>
            `## Story ${i + 1}\n\nAs a buyer I want ${i} so that ${i}.\n\n### Acceptance Criteria\n\n- works ${i}\n`,
        ).join('\n');
        const file = join(home, 'user_stories.md');
        await writeFile(file, `# Bench shop\n\n${stories}`);
        await setup('stories', 'import', file, '--project', 'Bench shop');
        const contextId = await setup('contexts', 'create', '--project', 'Bench shop', '--name', 'Orders');
        await setup(
          'components',
          'create',
          '--project',
          'Bench shop',
          '--context',
          contextId,
          '--name',
          'Cart',
        );
        const floorScript = join(home, 'floor.cjs');
        await writeFile(
          floorScript,
          `const http = require('node:http');
const body = JSON.stringify({ query: '{ projects { id name } }' });
const req = http.request(process.env.CODEMYSPEC_URL + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + process.env.CODEMYSPEC_TOKEN } }, (res) => { res.resume(); res.on('end', () => process.exit(0)); });
req.end(body);`,
        );
        const rows: [string, number[], number | null][] = [
          ['node -e 0 (the runtime floor)', await timed(node, ['-e', '0'], env), null],
          ['node:http POST of `projects` (the read floor)', await timed(node, [floorScript], env), null],
          ['codemyspec --version', await timed(node, [cli, '--version'], env), 200],
          ['codemyspec projects', await timed(node, [cli, 'projects'], env), 400],
          [
            'codemyspec stories list --project "Bench shop"',
            await timed(node, [cli, 'stories', 'list', '--project', 'Bench shop'], env),
            400,
          ],
          [
            'codemyspec components show Cart',
            await timed(node, [cli, 'components', 'show', 'Cart'], env),
            400,
          ],
        ];
        const floor = median(rows[1][1]);
        process.stdout.write(
          [
            `| command (${RUNS} runs each) | median | p90 | median / read floor | target |`,
            '|---|---:|---:|---:|---|',
            ...rows.map(
              ([name, times, target]) =>
                `| ${name} | ${median(times).toFixed(0)} ms | ${p90(times).toFixed(0)} ms | ${(median(times) / floor).toFixed(2)}× | ${target === null ? '' : `≤ ${target} ms: ${median(times) <= target ? 'met' : 'NOT met'}`} |`,
            ),
          ].join('\n') + '\n',
        );
      },
    );
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:cli failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
