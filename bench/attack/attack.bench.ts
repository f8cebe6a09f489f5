import autocannon from 'autocannon';
import { withBenchSystem } from '../bench-services';

/**
 * `npm run bench:attack`: what one hostile document costs everybody else. A second token asks
 * `{ me { role } }` at concurrency 4, first alone (the floor), then while an attacker sends, one
 * after the other, the documents of the review: 100,000 flat fields (1.3 MB), 7,000 fields (91 kB,
 * 28,000 tokens) and the largest document under the token limit that graphql-js still validates
 * (499 `__typename`s). Printed: how long each refusal took, and the others' latency beside the floor.
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
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
        '| bystanders (c=4, `{ me { role } }`) | p50 | p99 | max | requests |',
        '|---|---:|---:|---:|---:|',
        `| alone (the floor) | ${floor.p50} ms | ${floor.p99} ms | ${floor.max} ms | ${floor.requests} |`,
      ];
      const refusals: string[] = [];
      for (const [name, query] of Object.entries(ATTACKS)) {
        const times: number[] = [];
        let answer = '';
        let stop = false;
        const attacker = (async () => {
          while (!stop) {
            const started = performance.now();
            answer = (await post(url, ADMIN, query)).code;
            times.push(performance.now() - started);
          }
        })();
        const during = await bystanders(url, token);
        stop = true;
        await attacker;
        lines.push(
          `| during ${name} | ${during.p50} ms | ${during.p99} ms (${(during.p99 / Math.max(1, floor.p99)).toFixed(2)}× the floor) | ${during.max} ms | ${during.requests} |`,
        );
        const sorted = [...times].sort((a, b) => a - b);
        const p99 = percentile(sorted, 99);
        refusals.push(
          `| ${name} | ${answer} | ${sorted.length} | ${percentile(sorted, 50).toFixed(1)} ms | ${p99.toFixed(1)} ms | ${(sorted.at(-1) ?? 0).toFixed(1)} ms | ${p99 < REFUSAL_TARGET_MS ? 'met' : 'NOT met'} |`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n\n`);
      process.stdout.write(
        [
          `| attack (sent back to back for ${SECONDS} s) | answer | sent | p50 | p99 | max | p99 < ${REFUSAL_TARGET_MS} ms |`,
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
