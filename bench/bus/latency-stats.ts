export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles (milliseconds). NaN values are left out; +Infinity (never arrived) counts. */
export function summarizeLatencies(values: Iterable<number>): LatencySummary {
  const sorted = Float64Array.from([...values].filter((value) => !Number.isNaN(value))).sort();
  const rank = (p: number) =>
    sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return {
    count: sorted.length,
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
  };
}
