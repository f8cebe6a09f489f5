import { performance } from 'node:perf_hooks';
import { withAdminClient } from './admin-sql';
import type { BenchPhase, PhaseResult, SeedResult } from './bench-protocol';
import { createBenchDatabase, startBenchServer } from './bench-server';
import type { BenchSettings } from './bench-settings';
import { benchSettingsFromEnv } from './bench-settings';
import { checkTargets } from './bench-targets';
import type { ContenderName } from './contender';
import { CONTENDER_NAMES } from './contender';
import { ContenderClient } from './contender-client';
import { eventsPerSecond, formatResultsTable } from './results-table';
import { readServerFacts } from './server-facts';

/**
 * Event-store throughput: ours (`PostgresEventStore`) against emmett-postgresql and raw INSERTs,
 * on one fresh database of one server. Each contender lives in its own process; every phase runs
 * the three back to back (in a rotating order, each after a CHECKPOINT), so that drift in the
 * machine's load hits all three alike. Progress goes to stderr; the report goes to stdout.
 */
async function main(): Promise<void> {
  const settings = benchSettingsFromEnv();
  const started = performance.now();
  const phases = benchPhases(settings);
  const server = await startBenchServer();
  try {
    const database = await createBenchDatabase(server.url);
    try {
      const facts = await readServerFacts(database.url);
      const sql = (statement: string) => withAdminClient(database.url, (client) => client.query(statement));
      const clients: ContenderClient[] = [];
      const seeds = new Map<ContenderName, SeedResult>();
      const results = new Map<ContenderName, PhaseResult[]>(CONTENDER_NAMES.map((name) => [name, []]));
      try {
        for (const name of CONTENDER_NAMES)
          clients.push(await ContenderClient.start(name, database.url, settings));
        for (const client of clients) {
          progress(`${client.name}: seeding ${settings.readEvents.toLocaleString('en-US')} events`);
          const seed = await client.seed();
          seeds.set(client.name, seed);
          progress(`${client.name}: ${seed.events} events in ${(seed.elapsedMs / 1000).toFixed(1)} s`);
        }
        await sql('VACUUM (ANALYZE)');
        for (const [index, phase] of phases.entries()) {
          for (const client of rotate(clients, index)) {
            await sql('CHECKPOINT');
            const result = await client.measure(phase);
            results.get(client.name)?.push(result);
            progress(`${client.name}: ${phase.label}: ${Math.round(eventsPerSecond(result))} events/s`);
          }
        }
      } finally {
        for (const client of clients) await client.close();
      }

      const labels = phases.map((phase) => phase.label);
      const rate = (contender: ContenderName, label: string): number => {
        const result = results.get(contender)?.find((candidate) => candidate.label === label);
        return result === undefined ? 0 : eventsPerSecond(result);
      };
      const out: string[] = [
        '',
        `Event store benchmark: ${server.source}, database ${database.name}`,
        `machine: ${facts.cores} cores (${facts.cpuModel}), ${facts.memoryGiB} GiB, Node ${facts.node}`,
        `postgres: ${facts.postgres}; fsync=${facts.fsync}, synchronous_commit=${facts.synchronousCommit}, ` +
          `wal_sync_method=${facts.walSyncMethod}, full_page_writes=${facts.fullPageWrites}, shared_buffers=${facts.sharedBuffers}`,
        `each cell: ${settings.warmupMs / 1000} s warm-up, then ${settings.measureMs / 1000} s measured, after a CHECKPOINT; ` +
          `pools of ${settings.poolSize}; payload ≈200 B data + ≈150 B metadata per event`,
        `readAll: over ${settings.readEvents.toLocaleString('en-US')} seeded events, pages of ${settings.readPageSize}, ` +
          `before any timed write; appends carry the exact expected version of a stream owned by the writer`,
        '',
        formatResultsTable(labels, results),
        '',
        ...CONTENDER_NAMES.map((name) => describeRun(name, seeds.get(name), results.get(name) ?? [])),
        '',
        'targets:',
        ...checkTargets({
          rate,
          labels,
          singleLabels: phases
            .filter((p) => p.kind === 'append' && p.eventsPerCall === 1)
            .map((p) => p.label),
          readLabel: phases.find((p) => p.kind === 'readAll')?.label ?? '',
        }).map((check) => `  ${check.met ? 'met   ' : 'MISSED'}  ${check.description}`),
        '',
        `total ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    } finally {
      await database.drop();
    }
  } finally {
    await server.stop();
  }
}

/** The same contenders, starting at a different one each phase. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function benchPhases(settings: BenchSettings): BenchPhase[] {
  return [
    {
      kind: 'readAll',
      label: `readAll (pages of ${settings.readPageSize})`,
      pageSize: settings.readPageSize,
    },
    { kind: 'append', label: 'single-event append, c=1', concurrency: 1, eventsPerCall: 1 },
    {
      kind: 'append',
      label: `single-event append, c=${settings.highConcurrency}`,
      concurrency: settings.highConcurrency,
      eventsPerCall: 1,
    },
    {
      kind: 'append',
      label: `batch append (${settings.batchSize}/call), c=1`,
      concurrency: 1,
      eventsPerCall: settings.batchSize,
    },
  ];
}

function describeRun(
  name: ContenderName,
  seed: SeedResult | undefined,
  results: readonly PhaseResult[],
): string {
  const seeded =
    seed === undefined
      ? 'not seeded'
      : `seeded ${seed.events} events in ${(seed.elapsedMs / 1000).toFixed(1)} s`;
  const calls = results.map(
    (result) =>
      `${result.calls} calls in ${(result.elapsedMs / 1000).toFixed(1)} s (log at ${result.storedBefore.toLocaleString('en-US')})`,
  );
  return `${name}: ${seeded} (untimed); ${calls.join('; ')}`;
}

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
