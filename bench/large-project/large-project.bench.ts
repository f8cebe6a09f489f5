import { Client } from 'pg';
import type { BenchSystem } from '../bench-services';
import { withBenchSystem } from '../bench-services';
import { renderTable } from '../bus/results-table';
import type { BenchQuery } from './large-project-queries';
import { LARGE_PROJECT_QUERIES } from './large-project-queries';
import { LARGE_PROJECT } from './large-project-shape';
import { SeedClient } from './seed-client';
import type { SeededProject } from './seed-large-project';
import { seedLargeProject } from './seed-large-project';

/**
 * `npm run bench:large`: seeds the big project (`seed:large`'s shape) into a fresh system, then
 * asks each query through the gateway and its floor (one hand-written SQL statement on the same
 * database), interleaved, and prints p50/p95 of both with their ratio. Target: p95 ≤ 100 ms and
 * ≤ 5× the floor for every query.
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const WARMUP = 5;
const TARGET_P95_MS = 100;
const TARGET_RATIO = 5;

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function askGateway(url: string, query: BenchQuery, variables: Record<string, string>): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query: query.graphql, variables }),
  });
  const answer = (await response.json()) as { errors?: { message: string }[] };
  if (answer.errors?.length) throw new Error(`${query.name}: ${answer.errors[0].message}`);
}

function progress(line: string): void {
  process.stderr.write(`[bench:large] ${line}\n`);
}

/** The project's events in the three stores (exact, unlike the timeline while consumers catch up). */
function storedEvents(client: Client): (projectId: string) => Promise<number> {
  return async (projectId) => {
    const { rows } = await client.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM stories.events WHERE metadata->>'projectId' = $1)
            + (SELECT count(*) FROM architect.events WHERE metadata->>'projectId' = $1)
            + (SELECT count(*) FROM sessions.events WHERE metadata->>'projectId' = $1) AS n`,
      [projectId],
    );
    return Number(rows[0].n);
  };
}

/** Every consumer of every service at the end of its source (the git record is the slowest): a quiet system. */
async function waitForConsumers(client: Client): Promise<void> {
  const started = Date.now();
  const services = ['stories', 'architect', 'sessions', 'gateway'];
  for (;;) {
    let behind = 0;
    for (const schema of services) {
      const { rows } = await client.query<{ subscription: string; global_position: string }>(
        `SELECT subscription, global_position FROM ${schema}.subscription_checkpoints WHERE subscription LIKE 'bus:%'`,
      );
      for (const row of rows) {
        const source = row.subscription.split(':')[2];
        const { rows: end } = await client.query<{ last: string | null }>(
          `SELECT max(global_position) AS last FROM ${source}.events`,
        );
        if (Number(end[0].last ?? 0) > Number(row.global_position)) behind += 1;
      }
    }
    if (behind === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  progress(`every consumer caught up ${((Date.now() - started) / 1000).toFixed(0)} s after the last write`);
}

/** Each query through the gateway and its floor, interleaved: the table's rows and the verdicts. */
async function measure(
  gatewayUrl: string,
  client: Client,
  seeded: SeededProject,
): Promise<{ rows: [string, string, string][]; verdicts: string[] }> {
  const componentId = seeded.componentIds[0];
  const variables = { p: seeded.projectId, c: componentId };
  const rows: [string, string, string][] = [];
  const verdicts: string[] = [];
  for (const query of LARGE_PROJECT_QUERIES) {
    const floorArgs = [query.floorOf === 'component' ? componentId : seeded.projectId];
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const a = await timed(() => askGateway(gatewayUrl, query, variables));
      const b = await timed(() => client.query(query.floor, floorArgs));
      if (i >= WARMUP) {
        ours.push(a);
        floor.push(b);
      }
    }
    const p95 = percentile(ours, 0.95);
    const ratio = p95 / percentile(floor, 0.95);
    rows.push([
      query.name,
      `${percentile(ours, 0.5).toFixed(1)} / ${p95.toFixed(1)} ms`,
      `${percentile(floor, 0.5).toFixed(1)} / ${percentile(floor, 0.95).toFixed(1)} ms  (${ratio.toFixed(1)}×)`,
    ]);
    const met = p95 <= TARGET_P95_MS && ratio <= TARGET_RATIO;
    verdicts.push(
      `  ${met ? 'met    ' : 'NOT MET'}  ${query.name}: p95 ${p95.toFixed(1)} ms (≤ ${TARGET_P95_MS}), ${ratio.toFixed(1)}× the floor (≤ ${TARGET_RATIO}×)`,
    );
    progress(rows.at(-1)!.join(' | '));
  }
  return { rows, verdicts };
}

/**
 * The architecture asked right after the architect restarts (its cache empty: the whole stream
 * folded from the first event), then once more, warm.
 */
async function coldArchitecture(system: BenchSystem, client: Client, projectId: string): Promise<string> {
  const query = LARGE_PROJECT_QUERIES.find((q) => q.name === 'architecture')!;
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM architect.events WHERE stream_id = 'architecture-' || $1`,
    [projectId],
  );
  progress('restarting the architect');
  await system.restart('architect');
  const first = await timed(() => askGateway(system.gateway.url, query, { p: projectId }));
  const next = await timed(() => askGateway(system.gateway.url, query, { p: projectId }));
  return (
    `architecture right after the architect restarts (${Number(rows[0].n).toLocaleString('en')} events ` +
    `in its stream): first read ${first.toFixed(0)} ms, the next ${next.toFixed(0)} ms`
  );
}

async function main(): Promise<void> {
  const options = { dataDirPrefix: 'codemyspec-bench-large-', secret: SECRET, adminToken: ADMIN };
  await withBenchSystem(options, async (system, database) => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const stored = storedEvents(client);
      const seeded = await seedLargeProject(
        new SeedClient(system.gateway.url, ADMIN),
        LARGE_PROJECT,
        progress,
        stored,
      );
      progress(
        `seeded ${seeded.events} events with ${seeded.writes} writes in ${(seeded.elapsedMs / 1000).toFixed(0)} s`,
      );
      await waitForConsumers(client);
      await client.query('VACUUM ANALYZE');
      const { rows, verdicts } = await measure(system.gateway.url, client, seeded);
      const cold = await coldArchitecture(system, client, seeded.projectId);
      const shape = LARGE_PROJECT;
      const out = [
        '',
        `Large project: ${shape.stories} stories (${shape.stories * shape.criteriaPerStory} criteria), ` +
          `${shape.contexts} contexts, ${shape.components} components, ${shape.dependencies} dependencies, ` +
          `${shape.designsPerComponent} designs each, ${seeded.events} events (${database.source}, ` +
          `${process.env.KAFKA_BROKERS ? 'Kafka bus' : 'embedded bus'}); ` +
          `${SAMPLES} samples per query after ${WARMUP} warm-up, gateway and floor interleaved`,
        '',
        renderTable([['query', 'gateway p50 / p95', 'SQL floor p50 / p95 (p95 ratio)']], rows),
        '',
        'targets (p95 ≤ 100 ms and ≤ 5× its floor):',
        ...verdicts,
        '',
        cold,
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    } finally {
      await client.end();
    }
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
