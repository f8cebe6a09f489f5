/** One fenced block of a markdown reply, with the lines around it that may name its file. */
export interface Fence {
  readonly info: string;
  readonly body: string;
  /** The nearest non-blank line above the opening fence (within one blank line), or null. */
  readonly lineBefore: string | null;
  /** False when the reply ended before the closing fence (a cut-off reply). */
  readonly closed: boolean;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})\s*$/;

function lineBefore(lines: readonly string[], index: number): string | null {
  for (let i = index - 1; i >= 0 && i >= index - 2; i -= 1) {
    if (lines[i].trim() !== '') return lines[i];
  }
  return null;
}

/** Fenced blocks (``` or ~~~, three or more), closed by a fence of the same character at least as long. */
export function fencedBlocks(text: string): Fence[] {
  const lines = text.split(/\r?\n/);
  const blocks: Fence[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = OPENING.exec(lines[i]);
    if (!open || (open[1][0] === '`' && open[2].includes('`'))) continue;
    const marker = open[1];
    const body: string[] = [];
    let j = i + 1;
    let closed = false;
    for (; j < lines.length; j += 1) {
      const close = CLOSING.exec(lines[j]);
      if (close && close[1][0] === marker[0] && close[1].length >= marker.length) {
        closed = true;
        break;
      }
      body.push(lines[j]);
    }
    blocks.push({ info: open[2].trim(), body: body.join('\n'), lineBefore: lineBefore(lines, i), closed });
    i = j;
  }
  return blocks;
}
