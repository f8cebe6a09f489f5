import { readFileSync } from 'node:fs';

export interface CpuTimes {
  readonly busy: number;
  readonly total: number;
}

/** Linux: cumulative CPU ticks of the whole machine from /proc/stat (undefined elsewhere). */
export function readCpuTimes(): CpuTimes | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** The share of the machine's CPU time that was busy between two readings. */
export function busyShare(from: CpuTimes | undefined, to: CpuTimes | undefined): number | undefined {
  if (!from || !to || to.total <= from.total) return undefined;
  return (to.busy - from.busy) / (to.total - from.total);
}
