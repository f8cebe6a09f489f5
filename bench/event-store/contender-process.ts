import { performance } from 'node:perf_hooks';
import { withAdminClient } from './admin-sql';
import { makeBenchEvents } from './bench-event';
import type {
  BenchPhase,
  ContenderCommand,
  ContenderJob,
  ContenderMessage,
  PhaseResult,
  SeedResult,
} from './bench-protocol';
import { CONTENDER_JOB_ENV, isContenderCommand, parseContenderJob } from './bench-protocol';
import type { Contender } from './contender';
import { createEmmettContender } from './emmett-contender';
import { createOursContender } from './ours-contender';
import { createRawContender } from './raw-contender';
import { StreamPicker } from './stream-picker';
import { runTimedLoop } from './timed-loop';

/**
 * One contender, alone in its own process: emmett's `dumbo` replaces `pg`'s global type parsers
 * (int8 → BigInt, jsonb → its own parser), which must not leak into ours or raw.
 * It waits for the bench's commands and answers each one; the bench sends one at a time.
 */
async function main(): Promise<void> {
  const job = parseContenderJob(process.env[CONTENDER_JOB_ENV]);
  const contender = await createContender(job);
  let phases = 0;
  process.on('message', (command: unknown) => {
    if (!isContenderCommand(command)) return;
    handle(command).then(
      (answer) => {
        send(answer);
        if (answer.type === 'closed') process.disconnect?.();
      },
      (error: unknown) =>
        send({
          type: 'error',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
  send({ type: 'ready' });

  async function handle(command: ContenderCommand): Promise<ContenderMessage> {
    switch (command.type) {
      case 'seed':
        return { type: 'seeded', seed: await seed(contender, job) };
      case 'measure':
        phases += 1;
        return { type: 'result', result: await measure(contender, job, command.phase, `m${phases}`) };
      case 'close':
        await contender.close();
        return { type: 'closed' };
    }
  }
}

function createContender(job: ContenderJob): Promise<Contender> {
  switch (job.contender) {
    case 'ours':
      return createOursContender(job.url, job.settings.poolSize);
    case 'emmett':
      return createEmmettContender(job.url);
    case 'raw':
      return createRawContender(job.url, job.settings.poolSize);
  }
}

/** Untimed: batch appends until the log holds `readEvents` events, then VACUUM ANALYZE its tables. */
async function seed(contender: Contender, job: ContenderJob): Promise<SeedResult> {
  const started = performance.now();
  const { batchSize, readEvents } = job.settings;
  const picker = new StreamPicker('seed', 200);
  let remaining = readEvents - (await contender.countEvents());
  const workers = Array.from({ length: 2 }, async (_, worker) => {
    while (remaining > 0) {
      const count = Math.min(batchSize, remaining);
      remaining -= count;
      const stream = picker.pick(worker);
      await contender.append(stream.streamId, stream.expectedVersion, makeBenchEvents(count));
      picker.appended(stream, count);
    }
  });
  await Promise.all(workers);
  await withAdminClient(job.url, async (client) => {
    for (const table of contender.tables) await client.query(`VACUUM (ANALYZE) ${table}`);
  });
  return { events: await contender.countEvents(), elapsedMs: performance.now() - started };
}

async function measure(
  contender: Contender,
  job: ContenderJob,
  phase: BenchPhase,
  streamPrefix: string,
): Promise<PhaseResult> {
  const { warmupMs, measureMs, streamsPerWorker } = job.settings;
  const storedBefore = await contender.countEvents();
  if (phase.kind === 'readAll') {
    const reader = contender.reader(phase.pageSize);
    await runTimedLoop(warmupMs, 1, () => reader.readPage());
    const run = await runTimedLoop(measureMs, 1, () => reader.readPage());
    return {
      label: phase.label,
      events: run.units,
      calls: run.calls,
      elapsedMs: run.elapsedMs,
      storedBefore,
    };
  }
  const picker = new StreamPicker(`bench-${streamPrefix}`, streamsPerWorker);
  const append = async (worker: number): Promise<number> => {
    const stream = picker.pick(worker);
    await contender.append(stream.streamId, stream.expectedVersion, makeBenchEvents(phase.eventsPerCall));
    picker.appended(stream, phase.eventsPerCall);
    return phase.eventsPerCall;
  };
  await runTimedLoop(warmupMs, phase.concurrency, append);
  const run = await runTimedLoop(measureMs, phase.concurrency, append);
  return { label: phase.label, events: run.units, calls: run.calls, elapsedMs: run.elapsedMs, storedBefore };
}

function send(message: ContenderMessage): void {
  if (!process.send) throw new Error('the contender process must be started by the bench (no IPC channel)');
  process.send(message);
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});
