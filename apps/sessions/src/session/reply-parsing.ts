import { checkWorkspacePath } from '../sandbox/workspace-paths';

interface Fence {
  readonly info: string;
  readonly body: string;
}

/** Fenced blocks (``` or ~~~, three or more), closed by a fence of the same character at least as long. */
export function fencedBlocks(text: string): Fence[] {
  const lines = text.split(/\r?\n/);
  const blocks: Fence[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open || (open[1][0] === '`' && open[2].includes('`'))) continue;
    const marker = open[1];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]);
      if (close && close[1][0] === marker[0] && close[1].length >= marker.length) break;
      body.push(lines[j]);
    }
    blocks.push({ info: open[2].trim(), body: body.join('\n') });
    i = j;
  }
  return blocks;
}

/**
 * A design comes back as one markdown document, possibly wrapped in a single ```markdown fence
 * (prose around that one fence is ignored).
 */
export function parseDesignReply(reply: string): string {
  const blocks = fencedBlocks(reply);
  const wrapped = blocks.filter((b) => /^(markdown|md)\b/i.test(b.info));
  if (wrapped.length === 1) return `${wrapped[0].body.trim()}\n`;
  return `${reply.trim()}\n`;
}

export interface ParsedFiles {
  readonly files: { path: string; content: string }[];
  readonly rejected: { path: string; reason: string }[];
}

const PATH_ATTRIBUTE = /(?:^|\s)path=(?:"([^"]+)"|'([^']+)'|(\S+))/;

/**
 * Files come back as fenced blocks whose info string carries the path (`typescript path=src/a.ts`).
 * Prose and blocks without a path are ignored; a path that is absolute or leaves the workspace is
 * rejected, never written. A path given twice keeps its last block.
 */
export function parseFileBlocks(reply: string): ParsedFiles {
  const files = new Map<string, string>();
  const rejected: { path: string; reason: string }[] = [];
  for (const block of fencedBlocks(reply)) {
    const match = PATH_ATTRIBUTE.exec(block.info);
    if (!match) continue;
    const path = match[1] ?? match[2] ?? match[3];
    const problem = checkWorkspacePath(path);
    if (problem) rejected.push({ path, reason: problem });
    else files.set(path, block.body.endsWith('\n') ? block.body : `${block.body}\n`);
  }
  return { files: [...files.entries()].map(([path, content]) => ({ path, content })), rejected };
}
