import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { IDENTITY_HEADER, signIdentity } from '@app/platform';
import { openBenchPostgres } from '../bus/bench-database';
import type { BenchSystem } from '../bench-services';
import { startBenchSystem } from '../bench-services';

/**
 * `npm run bench:gateway`: the same story query, at concurrency 16, through the gateway (bearer
 * token, rate limit raised out of the way, query planning, signed identity, subgraph call) and
 * straight to the stories subgraph (signed identity header), in one run, alternating rounds.
 * The whole system runs as separate processes, as `npm start` runs it.
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
/** Pairs of rounds (direct, then gateway): the machine's speed drifts, so many short pairs and their median. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Each target is loaded this long before the measured rounds, so neither runs its first JIT-cold round. */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 10);
const TARGET_RATIO = 1.5;

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux clock ticks of 10 ms). */
async function cpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "(comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The host's stolen CPU ticks so far (all cores), from /proc/stat. */
async function stealTicks(): Promise<{ steal: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? '';
  const ticks = line.split(/\s+/).slice(1).map(Number);
  return { steal: ticks[7] ?? 0, total: ticks.reduce((sum, t) => sum + (Number.isFinite(t) ? t : 0), 0) };
}

interface Round {
  readonly target: 'gateway' | 'direct';
  readonly rps: number;
  readonly requests: number;
  /** CPU ms per request spent in the gateway process and in the stories subgraph process. */
  readonly gatewayCpu: number;
  readonly subgraphCpu: number;
  /** Share of the machine's CPU time the host took away during the round, in %. */
  readonly steal: number;
  readonly p50: number;
  readonly mean: number;
  readonly p99: number;
  readonly errors: number;
}

async function load(
  target: Round['target'],
  url: string,
  headers: Record<string, string>,
  body: string,
  seconds: number,
  processes: { gateway: ChildProcess; subgraph: ChildProcess },
): Promise<Round> {
  const before = [await cpuMs(processes.gateway.pid), await cpuMs(processes.subgraph.pid)];
  const stealBefore = await stealTicks();
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const after = [await cpuMs(processes.gateway.pid), await cpuMs(processes.subgraph.pid)];
  const requests = result.requests.total;
  const stealAfter = await stealTicks();
  const stolen = stealAfter.steal - stealBefore.steal;
  const elapsed = stealAfter.total - stealBefore.total;
  return {
    target,
    rps: result.requests.average,
    requests,
    gatewayCpu: (after[0] - before[0]) / requests,
    subgraphCpu: (after[1] - before[1]) / requests,
    steal: elapsed > 0 ? Math.round((100 * stolen) / elapsed) : 0,
    p50: result.latency.p50,
    mean: result.latency.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A project with one story, and the query the bench sends for it. */
async function storyQueryBody(gatewayUrl: string): Promise<string> {
  const { createProject } = await graphql<{ createProject: { id: string } }>(
    gatewayUrl,
    'mutation { createProject(input: { name: "Bench", description: "" }) { id } }',
  );
  const { createStory } = await graphql<{ createStory: { id: string } }>(
    gatewayUrl,
    'mutation($i: CreateStoryInput!) { createStory(input: $i) { id } }',
    {
      i: {
        projectId: createProject.id,
        title: 'Checkout',
        description: 'As a buyer I want to pay so that I get my goods',
        acceptanceCriteria: ['paid within 2 s', 'receipt sent'],
        tags: ['shop'],
      },
    },
  );
  const body = JSON.stringify({
    query:
      'query($id: ID!) { story(id: $id) { id title description status version tags acceptanceCriteria { id description verified } } }',
    variables: { id: createStory.id },
  });
  return body;
}

/** The table of rounds, the p50 ratio of each pair and their median against the target. */
function report(rounds: readonly Round[]): void {
  const header = [
    'round',
    'target',
    'req/s',
    'p50',
    'mean',
    'p99',
    'errors',
    'CPU/req gateway',
    'CPU/req subgraph',
  ];
  const lines = rounds.map((r, i) => [
    String(Math.floor(i / 2) + 1),
    r.target,
    Math.round(r.rps).toLocaleString('en-US'),
    `${r.p50} ms`,
    `${r.mean.toFixed(2)} ms`,
    `${r.p99} ms`,
    String(r.errors),
    `${r.gatewayCpu.toFixed(3)} ms`,
    `${r.subgraphCpu.toFixed(3)} ms`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(
    `${[fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n')}\n`,
  );
  const ratios: number[] = [];
  for (let i = 0; i < rounds.length; i += 2) {
    const [direct, through] = [rounds[i], rounds[i + 1]];
    if (direct.p50 >= 1) ratios.push(through.p50 / direct.p50);
    // autocannon's percentiles are whole milliseconds: below 1 ms the ratio of p50s means nothing.
    const p50 = direct.p50 >= 1 ? `${(through.p50 / direct.p50).toFixed(2)}×` : 'n/a (direct p50 under 1 ms)';
    const met = direct.p50 >= 1 ? (through.p50 / direct.p50 <= TARGET_RATIO ? 'met' : 'NOT met') : 'n/a';
    process.stdout.write(
      `round ${i / 2 + 1}: gateway/direct p50 ${p50} (target ≤ ${TARGET_RATIO}×: ${met}); mean ${(through.mean / direct.mean).toFixed(2)}×; throughput ${(through.rps / direct.rps).toFixed(2)}×; host steal ${direct.steal}% / ${through.steal}%\n`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  if (sorted.length > 0) {
    const median =
      sorted[Math.floor((sorted.length - 1) / 2)] / 2 + sorted[Math.ceil((sorted.length - 1) / 2)] / 2;
    const metRounds = ratios.filter((r) => r <= TARGET_RATIO).length;
    process.stdout.write(
      `median gateway/direct p50 over ${ratios.length} rounds: ${median.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${median <= TARGET_RATIO ? 'met' : 'NOT met'}); met in ${metRounds} of ${ratios.length} rounds\n`,
    );
  }
}

async function main(): Promise<void> {
  const database = await openBenchPostgres();
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-gateway-'));
  let system: BenchSystem | undefined;
  try {
    system = await startBenchSystem({
      databaseUrl: database.url,
      dataDir,
      secret: SECRET,
      adminToken: ADMIN,
    });
    const { stories, gateway } = system;

    const body = await storyQueryBody(gateway.url);
    const gatewayHeaders = { authorization: `Bearer ${ADMIN}` };
    const admin = { subject: 'admin', role: 'ADMIN' as const, projectId: null, actor: 'bench' };
    const directHeaders = { [IDENTITY_HEADER]: signIdentity(admin, SECRET, Date.now(), 3600) };

    process.stderr.write(
      `[bench:gateway] ${WARM_UP_SECONDS} s warm-up each, then ${SECONDS} s rounds at c=${CONNECTIONS}\n`,
    );
    const processes = { gateway: gateway.child, subgraph: stories.child };
    await load('gateway', gateway.url, gatewayHeaders, body, WARM_UP_SECONDS, processes);
    await load('direct', stories.url, directHeaders, body, WARM_UP_SECONDS, processes);
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      rounds.push(await load('direct', stories.url, directHeaders, body, SECONDS, processes));
      rounds.push(await load('gateway', gateway.url, gatewayHeaders, body, SECONDS, processes));
    }
    report(rounds);
  } finally {
    await system?.stop();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:gateway failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
