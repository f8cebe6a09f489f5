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

interface Line {
  readonly text: string;
  readonly newline: boolean;
}

/** Lines as `diff` sees them: `\r\n` counts as `\n`; a final line without a break is marked. */
function splitLines(text: string): Line[] {
  const normalized = text.replace(/\r\n/g, '\n');
  if (normalized.length === 0) return [];
  const parts = normalized.split('\n');
  const endsWithBreak = parts[parts.length - 1] === '';
  if (endsWithBreak) parts.pop();
  return parts.map((part, index) => ({ text: part, newline: endsWithBreak || index < parts.length - 1 }));
}

const sameLine = (x: Line, y: Line): boolean => x.text === y.text && x.newline === y.newline;

/**
 * A shortest edit script from `a` to `b` (Myers' O(ND) algorithm), removals before additions
 * within a change.
 */
export function diffLines(a: string, b: string): DiffLine[] {
  const from = splitLines(a);
  const to = splitLines(b);
  const n = from.length;
  const m = to.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push([...v]);
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && sameLine(from[x], to[y])) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m).
  const script: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && before[offset + k - 1] < before[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : before[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      script.push({ op: ' ', ...from[x] });
    }
    if (d > 0) {
      if (x === prevX) {
        y--;
        script.push({ op: '+', ...to[y] });
      } else {
        x--;
        script.push({ op: '-', ...from[x] });
      }
    }
  }
  script.reverse();
  // Within each run of changes, list removals first.
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
  const context = Math.max(0, options.context ?? 3);
  const script = diffLines(a, b);
  const changed = script.flatMap((line, index) => (line.op === ' ' ? [] : [index]));
  if (changed.length === 0) return '';

  // Group the changes into hunks: [first index, last index] in the script, context included.
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(script.length - 1, index + context);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }

  // Line numbers (1-based) of each script position in a and in b.
  const fromLine: number[] = [];
  const toLine: number[] = [];
  let lineA = 1;
  let lineB = 1;
  for (const line of script) {
    fromLine.push(lineA);
    toLine.push(lineB);
    if (line.op !== '+') lineA++;
    if (line.op !== '-') lineB++;
  }

  const out = [`--- ${options.fromLabel ?? 'a'}`, `+++ ${options.toLabel ?? 'b'}`];
  for (const [start, end] of hunks) {
    const lines = script.slice(start, end + 1);
    const countA = lines.filter((l) => l.op !== '+').length;
    const countB = lines.filter((l) => l.op !== '-').length;
    out.push(`@@ -${range(fromLine[start], countA)} +${range(toLine[start], countB)} @@`);
    for (const line of lines) {
      out.push(`${line.op}${line.text}`);
      if (!line.newline) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}
