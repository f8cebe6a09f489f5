import autocannon from 'autocannon';
import { withBenchSystem } from '../bench-services';

/**
 * `npm run bench:attack`: what a hostile document costs everybody else. A second token asks
 * `{ me { role } }` at concurrency 4, first alone (the floor), then while an attacker sends the
 * documents of the review: 100,000 flat fields (1.3 MB), 7,000 fields (91 kB, 28,000 tokens) and
 * the most costly document under the token limit (249 `me` fields, answered). Each is sent once
 * every 250 ms (one attacker, as in the review), then back to back (a flood from a token whose
 * rate limit is out of the way). Printed: each refusal's time, and the others' latency beside the floor.
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Pauses between attacks: one every 250 ms, then none. */
const PACES: Readonly<Record<string, number>> = { 'every 250 ms': 250, 'back to back': 0 };
const REFUSAL_TARGET_MS = 100;

const ATTACKS: Readonly<Record<string, string>> = {
  '100,000 fields (1.3 MB)': `{ ${'me { actor } '.repeat(100_000)}}`,
  '7,000 fields (91 kB)': `{ ${'me { actor } '.repeat(7_000)}}`,
  '249 fields (under the limit)': `{ ${'me { actor } '.repeat(249)}}`,
};

async function post(url: string, token: string, query: string): Promise<{ status: number; code: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string; limit?: string } }[] };
  const error = body.errors?.[0]?.extensions;
  return { status: response.status, code: error ? `${error.code}/${error.limit ?? ''}` : 'ok' };
}

async function viewerToken(url: string): Promise<string> {
  const run = async <T>(query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: T }).data;
  };
  const { createProject } = await run<{ createProject: { id: string } }>(
    'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
    { i: { name: 'Bystanders', description: '' } },
  );
  const { createApiToken } = await run<{ createApiToken: { token: string } }>(
    'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }',
    { i: { name: 'bystander', projectId: createProject.id, role: 'VIEWER' } },
  );
  return createApiToken.token;
}

/** The bystanders' latency while `during` runs (or alone). */
async function bystanders(url: string, token: string, during?: Promise<unknown>) {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections: 4,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { role } }' }),
  });
  await during;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
  };
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  await withBenchSystem(
    { dataDirPrefix: 'bench-attack-', secret: SECRET, adminToken: ADMIN },
    async (system) => {
      const url = system.gateway.url;
      const token = await viewerToken(url);
      await bystanders(url, token); // warm-up
      const floor = await bystanders(url, token);
      const lines = [
        '| bystanders (c=4, `{ me { role } }`), during | p50 | p99 | max | requests |',
        '|---|---:|---:|---:|---:|',
        `| alone (the floor) | ${floor.p50} ms | ${floor.p99} ms | ${floor.max} ms | ${floor.requests} |`,
      ];
      const refusals: string[] = [];
      for (const [pace, pause] of Object.entries(PACES))
        for (const [name, query] of Object.entries(ATTACKS)) {
          const times: number[] = [];
          let answer = '';
          let stop = false;
          const attacker = (async () => {
            while (!stop) {
              const started = performance.now();
              answer = (await post(url, ADMIN, query)).code;
              times.push(performance.now() - started);
              if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
            }
          })();
          const during = await bystanders(url, token);
          stop = true;
          await attacker;
          const ratio = (during.p99 / Math.max(1, floor.p99)).toFixed(2);
          lines.push(
            `| ${name}, ${pace} | ${during.p50} ms | ${during.p99} ms (${ratio}× the floor) | ${during.max} ms | ${during.requests} |`,
          );
          const sorted = [...times].sort((a, b) => a - b);
          const p99 = percentile(sorted, 99);
          refusals.push(
            `| ${name}, ${pace} | ${answer} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} ms | ${p99.toFixed(1)} ms | ${(sorted.at(-1) ?? 0).toFixed(1)} ms | ${p99 < REFUSAL_TARGET_MS ? 'met' : 'NOT met'} |`,
          );
        }
      process.stdout.write(`${lines.join('\n')}\n\n`);
      process.stdout.write(
        [
          `| attack (for ${SECONDS} s) | answer | sent | p50 | p99 | max | p99 < ${REFUSAL_TARGET_MS} ms |`,
          '|---|---|---:|---:|---:|---:|---|',
          ...refusals,
        ].join('\n') + '\n',
      );
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:attack failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
