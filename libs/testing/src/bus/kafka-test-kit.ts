import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import type { Admin, ConsumerConfig, IHeaders, PartitionMetadata } from 'kafkajs';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@app/domain';
import type { PostgresEventStore } from '@app/platform';
import { installKafkajsIdleTimerFix, isTopicNotServedYet, quoteIdent, retry } from '@app/platform';
import { waitFor } from '../wait-for';
import { foldTitles, readTitles } from './titles.projection';
import type { TitleRow } from './titles.projection';

/** Test helpers for the Kafka bus suites: quiet clients, topic readers and child-process fixtures. */

export const REPO_ROOT = resolve(__dirname, '../../../..');

export function kafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/**
 * A kafkajs client without log noise. Its consumers use a short group session (6 s, the broker's
 * minimum), so the group notices a SIGKILLed member in seconds rather than the default 30 s, and
 * a short fetch wait, so stopping one does not wait out a 5 s long poll. `KAFKA_TEST_LOG=1` turns
 * kafkajs' own logging on (INFO) when a test needs diagnosing.
 */
export function testKafkaClient(clientId: string, brokers: string[] = kafkaBrokers()): Kafka {
  installKafkajsIdleTimerFix();
  const kafka = new Kafka({
    clientId,
    brokers,
    logLevel: process.env.KAFKA_TEST_LOG ? logLevel.INFO : logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 200 },
  });
  const createConsumer = kafka.consumer.bind(kafka);
  kafka.consumer = (config: ConsumerConfig) =>
    createConsumer({ sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 250, ...config });
  return kafka;
}

export interface TopicMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = (Array.isArray(value) ? value : [value]).map((v) => v.toString()).join(',');
  }
  return result;
}

/** Every message of a topic from offset 0 up to its current end, read by a fresh consumer group. */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<TopicMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `reader-${randomUUID()}`;
  try {
    const remaining = new Map<number, bigint>(); // partition → last offset to read
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(p.high) > BigInt(p.low)) remaining.set(p.partition, BigInt(p.high) - 1n);
    }
    const messages: TopicMessage[] = [];
    if (remaining.size === 0) return messages;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const last = remaining.get(partition);
          if (last === undefined || BigInt(message.offset) > last) return;
          messages.push({
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            headers: headerStrings(message.headers),
          });
          if (BigInt(message.offset) === last) remaining.delete(partition);
        },
      });
      await waitFor(() => remaining.size === 0, timeoutMs, `reading ${topic} to its end`);
    } finally {
      await consumer.disconnect();
    }
    return messages.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/** The partition kafkajs' default (Java-compatible murmur2) partitioner picks for a key. */
export function partitionOfKey(key: string, partitions = 3): number {
  const partitionMetadata: PartitionMetadata[] = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 1,
    replicas: [1],
    isr: [1],
  }));
  return Partitioners.DefaultPartitioner()({ topic: 't', partitionMetadata, message: { key, value: null } });
}

/**
 * Every committed event, stream by stream in version order (what `foldTitles` needs). Not `readAll`:
 * its gap-safe cut-off lags behind while any transaction on the server (another test's) is open.
 */
export async function allEvents(store: PostgresEventStore, dataSource: DataSource): Promise<EventEnvelope[]> {
  const streams = await dataSource.query<{ stream_id: string }[]>(
    `SELECT stream_id FROM ${quoteIdent(store.schema)}.streams ORDER BY stream_id COLLATE "C"`,
  );
  const events: EventEnvelope[] = [];
  for (const { stream_id } of streams) events.push(...(await store.readStream(stream_id)));
  return events;
}

/**
 * The number of messages on a topic (the sum of its partitions' end offsets). Asked again while the
 * broker answers that a partition's leadership is moving (a busy broker right after the topic was
 * created), which the admin client does not retry itself.
 */
export async function topicEnd(admin: Admin, topic: string): Promise<number> {
  const offsets = await retry(() => admin.fetchTopicOffsets(topic), {
    attempts: 20,
    firstMs: 50,
    maxMs: 500,
    retryable: isTopicNotServedYet,
  });
  return offsets.reduce((sum, p) => sum + Number(p.high), 0);
}

/** Waits until the titles read model equals the single-threaded fold of every stored event. */
export async function waitForFold(
  dataSource: DataSource,
  consumerSchema: string,
  store: PostgresEventStore,
  timeoutMs: number,
): Promise<TitleRow[]> {
  let last: { rows: TitleRow[]; expected: TitleRow[] } | undefined;
  try {
    await waitFor(
      async () => {
        last = {
          rows: await readTitles(dataSource, consumerSchema),
          expected: foldTitles(await allEvents(store, dataSource)),
        };
        return isDeepStrictEqual(last.rows, last.expected);
      },
      timeoutMs,
      'the read model to equal the fold of the events',
    );
  } catch (error) {
    const applied = last?.rows.reduce((sum, r) => sum + r.events, 0);
    const expected = last?.expected.reduce((sum, r) => sum + r.events, 0);
    throw new Error(`${(error as Error).message} (applied ${applied} of ${expected} events)`, {
      cause: error,
    });
  }
  return last!.rows;
}

/** Background writer: appends one TitleSet event at a time, round-robin over `streams`, until stopped. */
export function startWriter(
  store: PostgresEventStore,
  streams: readonly string[],
  options: { prefix: string; pauseMs?: number; perAppend?: number },
): { readonly written: number; stop(): Promise<number> } {
  let running = true;
  let written = 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const streamId = streams[i % streams.length];
      const n = options.perAppend ?? 1;
      await store.append(
        streamId,
        Array.from({ length: n }, (_, k) => ({
          type: 'TitleSet',
          data: { title: `${options.prefix}${i}.${k}` },
        })),
      );
      written += n;
      if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  })();
  return {
    get written() {
      return written;
    },
    async stop() {
      running = false;
      await loop;
      return written;
    },
  };
}

export type FixtureLine = Record<string, unknown>;

/** A child process running one of this folder's `*.process.ts` fixtures. */
export interface FixtureProcess {
  readonly name: string;
  readonly pid: number;
  readonly lines: readonly FixtureLine[];
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly exited: boolean;
  waitForLine(
    predicate: (line: FixtureLine) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<FixtureLine>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM (graceful stop), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const liveFixtures = new Set<FixtureProcess>();

export function startFixture(
  file: 'relay.process.ts' | 'consumer.process.ts',
  env: Record<string, string>,
): FixtureProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--require', './scripts/ts-register.cjs', `libs/testing/src/bus/${file}`],
    { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: FixtureLine[] = [];
  let stderr = '';
  let exited = false;
  const listeners = new Set<() => void>();
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  createInterface({ input: child.stdout! }).on('line', (text) => {
    if (!text.startsWith('{')) return;
    try {
      lines.push(JSON.parse(text) as FixtureLine);
    } catch {
      return;
    }
    for (const listener of listeners) listener();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = true;
      liveFixtures.delete(fixture);
      // Let the last stdout lines arrive before anyone looks at them.
      setImmediate(() => {
        for (const listener of listeners) listener();
        resolveExit({ code, signal });
      });
    });
  });
  const name = `${file} (pid ${child.pid})`;
  const fixture: FixtureProcess = {
    name,
    pid: child.pid!,
    lines,
    exit,
    get exited() {
      return exited;
    },
    waitForLine(predicate, timeoutMs, what) {
      return new Promise((resolveLine, reject) => {
        const check = () => {
          const found = lines.find(predicate);
          if (found) {
            done();
            resolveLine(found);
          } else if (exited) {
            done();
            reject(new Error(`${name} exited before ${what}; stderr:\n${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`timed out after ${timeoutMs} ms waiting for ${name}: ${what}; stderr:\n${stderr}`),
          );
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    kill(signal) {
      if (!exited) child.kill(signal);
    },
    async stop(graceMs = 20_000) {
      if (!exited) child.kill('SIGTERM');
      const timer = setTimeout(() => fixture.kill('SIGKILL'), graceMs);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  liveFixtures.add(fixture);
  return fixture;
}

/** SIGKILLs every fixture still running (cleanup after a failed test). */
export async function killAllFixtures(): Promise<void> {
  const running = [...liveFixtures];
  for (const fixture of running) fixture.kill('SIGKILL');
  await Promise.all(running.map((fixture) => fixture.exit));
}
