/**
 * Canonical text forms. A story stores its text in these forms, and the markdown export reads
 * back to exactly them, so exporting and importing a story gives the same story.
 */

/** ASCII whitespace: what a title or criterion collapses (U+FEFF, U+00A0 and other characters stay). */
const BLANK_RUN = /[ \t\n\v\f\r]+/g;

/** One line: every run of ASCII whitespace (line breaks included) becomes one space; trimmed of it. */
export function normalizeLine(text: string): string {
  return text.replace(BLANK_RUN, ' ').replace(/^ | $/g, '');
}

/** Splits on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** A line of nothing but spaces and tabs. */
export function isBlankLine(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/**
 * A description as written: LF line ends, and the blank lines at its very start and end dropped
 * (in user_stories.md they separate it from its heading and its criteria), as are the spaces that
 * end its last line (a hard break needs a line after it). Everything else is kept: trailing spaces
 * of the other lines (Markdown hard breaks), blank lines inside (a code block's shape),
 * indentation and every character.
 */
export function normalizeDescription(text: string): string {
  const lines = splitLines(text);
  let start = 0;
  let end = lines.length;
  while (start < end && isBlankLine(lines[start])) start += 1;
  while (end > start && isBlankLine(lines[end - 1])) end -= 1;
  return lines
    .slice(start, end)
    .join('\n')
    .replace(/[ \t]+$/, '');
}
