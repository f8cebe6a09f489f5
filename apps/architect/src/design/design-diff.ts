import { diffLines as jsDiffLines, structuredPatch } from 'diff';

/** One line of an edit script: kept (` `), removed (`-`) or added (`+`). */
export interface DiffLine {
  readonly op: ' ' | '-' | '+';
  /** The line without its line break. */
  readonly text: string;
  /** False only for the last line of a text that does not end with a line break. */
  readonly newline: boolean;
}

export interface DiffOptions {
  /** The name on the `---` line; `a` by default. */
  readonly fromLabel?: string;
  /** The name on the `+++` line; `b` by default. */
  readonly toLabel?: string;
  /** Unchanged lines shown around each change; 3 by default. */
  readonly context?: number;
}

/** `\r\n` counts as `\n`, as for `diff`. */
const normalize = (text: string): string => text.replace(/\r\n/g, '\n');

/** A chunk of text as lines; the last one may have no line break. */
function linesOf(value: string): { text: string; newline: boolean }[] {
  const parts = value.split('\n');
  const endsWithBreak = parts[parts.length - 1] === '';
  if (endsWithBreak) parts.pop();
  return parts.map((text, index) => ({ text, newline: endsWithBreak || index < parts.length - 1 }));
}

/** A shortest edit script from `a` to `b` (jsdiff), removals before additions within a change. */
export function diffLines(a: string, b: string): DiffLine[] {
  const script = jsDiffLines(normalize(a), normalize(b)).flatMap((part) => {
    const op: DiffLine['op'] = part.added ? '+' : part.removed ? '-' : ' ';
    return linesOf(part.value).map((line): DiffLine => ({ op, ...line }));
  });
  const ordered: DiffLine[] = [];
  for (let i = 0; i < script.length;) {
    if (script[i].op === ' ') {
      ordered.push(script[i++]);
      continue;
    }
    let j = i;
    while (j < script.length && script[j].op !== ' ') j++;
    const run = script.slice(i, j);
    ordered.push(...run.filter((l) => l.op === '-'), ...run.filter((l) => l.op === '+'));
    i = j;
  }
  return ordered;
}

function range(start: number, count: number): string {
  // As GNU diff: an empty range names the line before it; a one-line range omits the count.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * A unified diff (`diff -u` format) from design `a` to design `b`: `--- a` / `+++ b` headers,
 * then `@@ -l,s +l,s @@` hunks with `context` unchanged lines around each change (hunks closer
 * than twice that are merged). A last line without a line break is followed by
 * `\ No newline at end of file`. Equal texts give the empty string. `\r\n` counts as `\n`.
 */
export function diffDesigns(a: string, b: string, options: DiffOptions = {}): string {
  const from = normalize(a);
  const to = normalize(b);
  if (from === to) return '';
  const fromLabel = options.fromLabel ?? 'a';
  const toLabel = options.toLabel ?? 'b';
  const patch = structuredPatch(fromLabel, toLabel, from, to, '', '', {
    context: Math.max(0, options.context ?? 3),
  });
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  for (const hunk of patch.hunks) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`);
    out.push(...hunk.lines);
  }
  return `${out.join('\n')}\n`;
}
