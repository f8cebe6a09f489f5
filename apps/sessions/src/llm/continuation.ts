/** The follow-up sent when a reply stops at the token limit (fixed text, so the ledger can name it). */
export const CONTINUE_PROMPT =
  'Your reply was cut off at the token limit. Continue exactly where it stopped, starting with the rest of the last line: no preamble, and repeat nothing that came before.';

/**
 * Joins a cut-off reply and its continuation. Models often repeat the unfinished last line (or
 * more) before going on: the longest overlap between the end of the first and the start of the
 * second (up to 400 characters) is kept once.
 */
export function joinContinuation(partial: string, next: string): string {
  const window = partial.slice(-400);
  for (let size = Math.min(window.length, next.length); size >= 8; size -= 1) {
    if (window.endsWith(next.slice(0, size))) return partial + next.slice(size);
  }
  const lastLine = partial.slice(partial.lastIndexOf('\n') + 1);
  if (lastLine.trim() && next.startsWith(lastLine)) return partial + next.slice(lastLine.length);
  return partial + next;
}
