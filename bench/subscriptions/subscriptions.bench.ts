import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/platform';
import { withBenchSystem } from '../bench-services';

/**
 * `npm run bench:subscriptions`: 500 `sessionProgress` subscribers on one gateway, idle, then one
 * event for all of them. Idle cost: the gateway's CPU over 10 s with the subscribers, beside the
 * same gateway with none (the floor). Delivery: from the append to each subscriber's message, beside
 * the bus's own floor (from the append until the timeline row exists, read by SQL).
 */
const SECRET = 'bench-internal-secret-0123456789abcdefghij';
const ADMIN = 'cms_bench-admin-token-0123456789abcdefghijklmn';
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TICKS = 100; // Linux clock ticks per second (USER_HZ)

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
}

async function idleCpu(pid: number, seconds: number): Promise<number> {
  const before = cpuSeconds(pid);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return ((cpuSeconds(pid) - before) / seconds) * 100;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** SUBSCRIBERS graphql-ws clients on one session's progress, once each has its first event. */
async function subscribeAll(gatewayUrl: string, sessionId: string) {
  const received: number[][] = [];
  const clients = Array.from({ length: SUBSCRIBERS }, () =>
    createClient({
      url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
      connectionParams: { authorization: `Bearer ${ADMIN}` },
    }),
  );
  let connected = 0;
  clients.forEach((client, i) => {
    received[i] = [];
    client.subscribe<{ sessionProgress: { version: number } }>(
      {
        query: 'subscription($id: ID!) { sessionProgress(sessionId: $id) { version type } }',
        variables: { id: sessionId },
      },
      {
        next: (message) => {
          if (message.data?.sessionProgress.version === 1) connected += 1;
          else received[i].push(performance.now());
        },
        error: (e) => process.stderr.write(`subscriber ${i}: ${JSON.stringify(e)}\n`),
        complete: () => undefined,
      },
    );
  });
  while (connected < SUBSCRIBERS) await new Promise((r) => setTimeout(r, 100));
  return { received, clients };
}

/** ROUNDS events: ms from each append to each subscriber's message, and to the timeline row (the floor). */
async function deliveries(
  dataSource: DataSource,
  sessions: PostgresEventStore,
  stream: string,
  metadata: { projectId: string; actor: string },
  received: number[][],
) {
  const latencies: number[] = [];
  const floors: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const counts = received.map((r) => r.length);
    const started = performance.now();
    await sessions.append(
      stream,
      [
        {
          type: 'StepStarted',
          data: { step: 'run_tests', attempt: round + 1, runId: null, at: new Date().toISOString() },
        },
      ],
      { metadata },
    );
    for (;;) {
      const { length } = await dataSource.query<unknown[]>(
        'SELECT 1 FROM gateway.timeline WHERE stream_id = $1 AND version = $2',
        [stream, round + 2],
      );
      if (length > 0) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    floors.push(performance.now() - started);
    while (received.some((r, i) => r.length === counts[i])) await new Promise((r) => setTimeout(r, 5));
    for (const r of received) latencies.push(r[r.length - 1] - started);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { latencies, floors };
}

async function main(): Promise<void> {
  const options = { dataDirPrefix: 'codemyspec-bench-subs-', secret: SECRET, adminToken: ADMIN };
  await withBenchSystem(options, async (system, database) => {
    const dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    try {
      const sessions = new PostgresEventStore(dataSource, 'sessions');
      const projectId = randomUUID();
      const sessionId = randomUUID();
      const stream = `session-${sessionId}`;
      const metadata = { projectId, actor: 'bench' };
      await sessions.append(
        stream,
        [{ type: 'SessionStarted', data: { sessionId, at: new Date().toISOString() } }],
        { metadata },
      );
      const pid = system.gateway.child.pid!;
      await new Promise((r) => setTimeout(r, 3_000));
      const floorCpu = await idleCpu(pid, 10);

      const { received, clients } = await subscribeAll(system.gateway.url, sessionId);
      await new Promise((r) => setTimeout(r, 2_000));
      const subscribedCpu = await idleCpu(pid, 10);

      const { latencies, floors } = await deliveries(dataSource, sessions, stream, metadata, received);
      for (const client of clients) await client.dispose();
      const p50 = percentile(latencies, 0.5);
      const p99 = percentile(latencies, 0.99);
      const floorP99 = percentile(floors, 0.99);
      process.stdout.write(`| measure | value | floor | ratio |\n|---|---|---|---|\n`);
      process.stdout.write(
        `| gateway CPU, idle, ${SUBSCRIBERS} subscribers (% of one core, 10 s) | ${subscribedCpu.toFixed(2)} % | ${floorCpu.toFixed(2)} % (no subscriber) | ${subscribedCpu >= floorCpu ? '+' : '−'}${Math.abs(subscribedCpu - floorCpu).toFixed(2)} points |\n`,
      );
      process.stdout.write(
        `| an event to all ${SUBSCRIBERS} subscribers, p50 (${ROUNDS} events) | ${p50.toFixed(0)} ms | | |\n`,
      );
      process.stdout.write(
        `| an event to all ${SUBSCRIBERS} subscribers, p99 | ${p99.toFixed(0)} ms | ${floorP99.toFixed(0)} ms (the timeline row written) | ${(p99 / floorP99).toFixed(2)}× |\n`,
      );
      process.stdout.write(
        `\ntargets: idle cost < 5 % of one core: ${subscribedCpu - floorCpu < 5 ? 'met' : 'missed'}; p99 < 100 ms: ${p99 < 100 ? 'met' : 'missed'}\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:subscriptions failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
