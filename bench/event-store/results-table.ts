import type { PhaseResult } from './bench-protocol';
import type { ContenderName } from './contender';

export type ResultsByContender = ReadonlyMap<ContenderName, readonly PhaseResult[]>;

export function eventsPerSecond(result: PhaseResult): number {
  return result.events / (result.elapsedMs / 1000);
}

/** One row per phase: events per second of each contender, and ours relative to the others. */
export function formatResultsTable(labels: readonly string[], results: ResultsByContender): string {
  const header = ['operation', 'ours', 'emmett', 'raw', 'ours/emmett', 'ours/raw'];
  const rows = labels.map((label) => {
    const rate = (name: ContenderName): number | undefined => {
      const result = results.get(name)?.find((candidate) => candidate.label === label);
      return result === undefined ? undefined : eventsPerSecond(result);
    };
    const ours = rate('ours');
    const emmett = rate('emmett');
    const raw = rate('raw');
    return [
      label,
      formatRate(ours),
      formatRate(emmett),
      formatRate(raw),
      ratio(ours, emmett),
      ratio(ours, raw),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function formatRate(rate: number | undefined): string {
  return rate === undefined ? 'n/a' : `${Math.round(rate).toLocaleString('en-US')}/s`;
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`;
}
