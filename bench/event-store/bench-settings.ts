/** How long and how hard each measurement runs. Override the timings with BENCH_WARMUP_SECONDS / BENCH_MEASURE_SECONDS. */
export interface BenchSettings {
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Connections per contender's pool (TypeORM for ours, emmett's own, `pg` Pool for raw). */
  readonly poolSize: number;
  readonly highConcurrency: number;
  readonly batchSize: number;
  readonly readPageSize: number;
  /** Events in each contender's log when readAll is measured (seeded before any timed write). */
  readonly readEvents: number;
  /** Each writer picks a random stream among this many streams of its own. */
  readonly streamsPerWorker: number;
}

export function benchSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    warmupMs: positiveNumberFromEnv(env.BENCH_WARMUP_SECONDS, 1) * 1000,
    measureMs: positiveNumberFromEnv(env.BENCH_MEASURE_SECONDS, 6) * 1000,
    poolSize: 10,
    highConcurrency: 8,
    batchSize: 100,
    readPageSize: 1000,
    readEvents: Math.round(positiveNumberFromEnv(env.BENCH_READ_EVENTS, 100_000)),
    streamsPerWorker: 1000,
  };
}

function positiveNumberFromEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`expected a positive number, got "${value}"`);
  return parsed;
}
