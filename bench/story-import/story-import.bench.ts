import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { withBenchSystem } from '../bench-services';
import { summarizeLatencies } from '../bus/latency-stats';

/**
 * `npm run bench:story-import`: a real backlog's size through the whole system, in one run.
 * 10,000 stories (one criterion each) imported with one `importStoriesMarkdown` through the gateway,
 * then the time until the architect's copies (every criterion in `traceability`) and the git record
 * (every story in docs/user_stories.md) caught up; beside the floor: the same 10,000 rows written
 * by raw single-row INSERTs in one transaction into a plain table of the same columns. Then
 * `reviewStory` on the 10,000-story project, beside a `story(id)` read of the same stories.
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const STORIES = Number(process.env.BENCH_STORIES ?? 10_000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 60);

const storyText = (i: number) => ({
  title: `Report ${i} for the monthly close`,
  description: `As a clerk I want report ${i} so that I can file the monthly close on time.`,
  criterion: `report ${i} lists the totals of every account`,
});

function markdownOf(count: number): string {
  return Array.from({ length: count }, (_, i) => {
    const { title, description, criterion } = storyText(i);
    return `## ${title}\n\n${description}\n\n### Acceptance Criteria\n\n- ${criterion}\n`;
  }).join('\n');
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

function gatewayClient(url: string): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors[0].message);
    return body.data!;
  };
}

interface ImportTimes {
  readonly ids: string[];
  readonly importMs: number;
  readonly architectMs: number;
  readonly gitMs: number;
}

/** One import of the whole backlog, then how long the architect and the git record took to follow. */
async function measureImport(gql: Gql, dataDir: string): Promise<ImportTimes> {
  const { createProject } = await gql<{ createProject: { id: string } }>(
    'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
    { i: { name: `Backlog ${randomUUID()}`, description: '' } },
  );
  const projectId = createProject.id;
  const markdown = markdownOf(STORIES);
  progress(`importing ${STORIES} stories`);
  const started = performance.now();
  const { importStoriesMarkdown } = await gql<{ importStoriesMarkdown: { id: string }[] }>(
    'mutation($p: ID!, $m: String!) { importStoriesMarkdown(projectId: $p, markdown: $m) { id } }',
    { p: projectId, m: markdown },
  );
  const importMs = performance.now() - started;
  // Both followers timed from the end of the import, at once.
  const repository = `--git-dir=${join(dataDir, 'repos', `${projectId}.git`)}`;
  const [architectMs, gitMs] = await Promise.all([
    until(async () => {
      const { traceability } = await gql<{ traceability: { counts: { count: number }[] } }>(
        'query($p: ID!) { traceability(projectId: $p, first: 0) { counts { count } } }',
        { p: projectId },
      );
      return traceability.counts.reduce((sum, c) => sum + c.count, 0) === STORIES;
    }),
    until(() => Promise.resolve(storiesInGitRecord(repository) === STORIES)),
  ]);
  return { ids: importStoriesMarkdown.map((story) => story.id), importMs, architectMs, gitMs };
}

function storiesInGitRecord(repository: string): number {
  try {
    const text = execFileSync('git', [repository, 'show', 'main:docs/user_stories.md'], {
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    return text.match(/^## /gm)?.length ?? 0;
  } catch {
    return 0; // not committed yet
  }
}

/** `reviewStory` on stories spread over the project, each beside a read of the same story. */
async function measureReviews(
  gql: Gql,
  ids: readonly string[],
): Promise<{ review: number[]; read: number[] }> {
  progress(`reviewing ${REVIEWS} stories of ${ids.length}`);
  const review: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < REVIEWS; i += 1) {
    const id = ids[Math.floor((i * ids.length) / REVIEWS)];
    let started = performance.now();
    await gql('query($s: ID!) { story(id: $s) { id title description } }', { s: id });
    read.push(performance.now() - started);
    started = performance.now();
    await gql('query($s: ID!) { reviewStory(id: $s) { score } }', { s: id });
    review.push(performance.now() - started);
  }
  return { review, read };
}

function report(
  databaseName: string,
  times: ImportTimes,
  floorMs: number,
  reviews: { review: number[]; read: number[] },
): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const review = summarizeLatencies(reviews.review);
  const review50 = review.p50;
  const read50 = summarizeLatencies(reviews.read).p50;
  const rows = [
    [
      'import (one request)',
      s(times.importMs),
      `${Math.round((STORIES * 1000) / times.importMs)} stories/s`,
      s(floorMs),
      `${(times.importMs / floorMs).toFixed(1)}×`,
    ],
    ['architect copies caught up (after the import)', s(times.architectMs), '', '', ''],
    ['git record caught up (after the import)', s(times.gitMs), '', '', ''],
    [
      'reviewStory median / p95',
      `${review50.toFixed(0)} / ${review.p95.toFixed(0)} ms`,
      '',
      `${read50.toFixed(0)} ms (story read)`,
      `${(review50 / read50).toFixed(1)}×`,
    ],
  ];
  const met = (ok: boolean) => (ok ? 'met    ' : 'NOT MET');
  return [
    '',
    `Story import benchmark: ${STORIES} stories with one criterion each, the whole system on one fresh database (${databaseName})`,
    '',
    '| measurement | ours | rate | floor | ours / floor |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    'floor: the same rows by raw single-row INSERTs (id, project, title, description, criteria jsonb) in one transaction; the review beside a story(id) read of the same story',
    '',
    'targets:',
    `  ${met(times.importMs <= 15_000)}  import of 10,000 stories ≤ 15 s`,
    `  ${met(Math.max(times.architectMs, times.gitMs) <= 10_000)}  architect and git record caught up ≤ 10 s after`,
    `  ${met(review50 <= 50)}  reviewStory median ≤ 50 ms on a 10,000-story project`,
  ];
}

async function main(): Promise<void> {
  await withBenchSystem(
    { dataDirPrefix: 'bench-import-', secret: SECRET, adminToken: ADMIN },
    async (system, database, dataDir) => {
      const gql = gatewayClient(system.gateway.url);
      const times = await measureImport(gql, dataDir);
      const floorMs = await rawInsertFloor(database.url);
      const reviews = await measureReviews(gql, times.ids);
      process.stdout.write(`${report(database.databaseName, times, floorMs, reviews).join('\n')}\n`);
    },
  );
}

/** Milliseconds until `done` holds (polled every 50 ms, up to 5 minutes). */
async function until(done: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await done())) {
    if (performance.now() - started > 300_000) throw new Error('did not catch up in 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

async function rawInsertFloor(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE bench_raw_stories (id uuid PRIMARY KEY, project_id uuid, title text, description text, criteria jsonb)',
    );
    const projectId = randomUUID();
    const started = performance.now();
    await client.query('BEGIN');
    for (let i = 0; i < STORIES; i += 1) {
      const { title, description, criterion } = storyText(i);
      await client.query(
        'INSERT INTO bench_raw_stories (id, project_id, title, description, criteria) VALUES ($1, $2, $3, $4, $5)',
        [
          randomUUID(),
          projectId,
          title,
          description,
          JSON.stringify([{ id: randomUUID(), ref: `AC-${i + 1}`, description: criterion }]),
        ],
      );
    }
    await client.query('COMMIT');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

function progress(line: string): void {
  process.stderr.write(`[bench:story-import] ${line}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
