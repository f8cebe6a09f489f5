import { printableText, storableText } from '@app/domain';
import { checkWorkspacePath } from '../sandbox/workspace-paths';
import { fencedBlocks } from './fenced-blocks';
import { pathFromFirstLine, pathFromInfo, pathFromLineBefore } from './file-path-hints';

export { fencedBlocks } from './fenced-blocks';

/**
 * A design comes back as one markdown document, possibly wrapped in a single ```markdown fence
 * (prose around that one fence is ignored).
 */
export function parseDesignReply(reply: string): string {
  const blocks = fencedBlocks(reply);
  const wrapped = blocks.filter((b) => /^(markdown|md)\b/i.test(b.info));
  const design = wrapped.length === 1 ? wrapped[0].body : reply;
  return `${storableText(design.trim())}\n`;
}

export interface ProposedFile {
  readonly path: string;
  readonly content: string;
}

export interface Rejection {
  readonly path: string;
  readonly reason: string;
}

/** A fenced block that named no file: what it looked like, for the feedback. */
export interface UnnamedBlock {
  readonly info: string;
  readonly lines: number;
  readonly firstLine: string;
}

export interface ParsedFiles {
  readonly files: ProposedFile[];
  readonly rejected: Rejection[];
  readonly unnamed: UnnamedBlock[];
}

/**
 * A refused path as it is recorded and shown: control characters and lone surrogates escaped
 * (`src/a\u0000.ts`), so that a path no store could hold is refused like any other bad path.
 */
const rejection = (path: string, reason: string): Rejection => ({ path: printableText(path, 240), reason });

const withNewline = (content: string) => (content.endsWith('\n') ? content : `${content}\n`);

/**
 * Files proposed as fenced blocks, named in any of the forms real models use: an info attribute
 * (`path=`, `file=`, `filename=`, `title=`), a path in the info string, a heading, bold or
 * backticked path on the line above the fence, or a first-line comment (removed from the content).
 * A path that is absolute or leaves the workspace is rejected, never written; a block that names
 * no file is reported; a path given twice keeps its last block.
 */
export function parseFileBlocks(reply: string): ParsedFiles {
  const files = new Map<string, string>();
  const rejected: Rejection[] = [];
  const unnamed: UnnamedBlock[] = [];
  for (const block of fencedBlocks(reply)) {
    const comment = pathFromFirstLine(block.body);
    const path = pathFromInfo(block.info) ?? pathFromLineBefore(block.lineBefore) ?? comment?.path;
    if (!path) {
      const lines = block.body.split('\n');
      unnamed.push({
        info: printableText(block.info),
        lines: lines.length,
        firstLine: printableText(lines[0]),
      });
      continue;
    }
    const content = comment && comment.path === path ? comment.body : block.body;
    const problem = checkWorkspacePath(path);
    if (problem) rejected.push(rejection(path, problem));
    else files.set(path, withNewline(content));
  }
  return { files: [...files.entries()].map(([path, content]) => ({ path, content })), rejected, unnamed };
}

/** Files that came back structured (a tool call or a JSON reply), checked like fenced ones. */
export function checkProposedFiles(proposed: readonly ProposedFile[]): ParsedFiles {
  const files = new Map<string, string>();
  const rejected: Rejection[] = [];
  for (const { path, content } of proposed) {
    const problem = checkWorkspacePath(path);
    if (problem) rejected.push(rejection(path, problem));
    else files.set(path, withNewline(content));
  }
  return { files: [...files.entries()].map(([path, content]) => ({ path, content })), rejected, unnamed: [] };
}

/** Keeps the files a step may write; the others are rejected with the step's reason. */
export function filesAllowed(
  parsed: ParsedFiles,
  reasonAgainst: (path: string) => string | null,
): ParsedFiles {
  const rejected = [...parsed.rejected];
  const files = parsed.files.filter((file) => {
    const reason = reasonAgainst(file.path);
    if (reason) rejected.push({ path: file.path, reason });
    return reason === null;
  });
  return { files, rejected, unnamed: parsed.unnamed };
}
