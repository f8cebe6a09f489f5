import { styleText } from 'node:util';
import type { CommandContext } from './command';

type Colour = 'green' | 'red' | 'yellow' | 'gray' | 'bold';

/** Colour for people on a terminal only (and never with NO_COLOR); plain text otherwise. */
export function paint(context: CommandContext, colour: Colour, text: string): string {
  if (!context.isTTY || context.json || process.env.NO_COLOR) return text;
  return styleText(colour, text);
}

/** Columns padded to their widest cell, a header line first. */
export function table(rows: readonly (readonly string[])[], header: readonly string[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return all
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** JSON for scripts (--json), else the rendering for people. */
export function emit(context: CommandContext, data: unknown, render: () => string): void {
  context.out(context.json ? JSON.stringify(data, null, 2) : render());
}

/** A status word, coloured by what it means. */
export function statusWord(context: CommandContext, status: string): string {
  if (/^(COMPLETED|VERIFIED|PASSED|SUCCEEDED|ACCEPTED|GREEN|OK)$/.test(status))
    return paint(context, 'green', status);
  if (/^(DIRTY|FAILED|ERROR|RED|INVALID)$/.test(status)) return paint(context, 'red', status);
  return paint(context, 'yellow', status);
}
