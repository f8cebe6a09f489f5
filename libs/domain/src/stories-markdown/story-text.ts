/**
 * Canonical text forms. A story stores its text in these forms, and the markdown export reads
 * back to exactly them, so exporting and importing a story gives the same story.
 */

/** One line: every run of whitespace (line breaks included) becomes one space; trimmed. */
export function normalizeLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Splits on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Paragraphs: LF line ends, no trailing whitespace on a line, at most one blank line in a row,
 * no blank lines at the start or end. Indentation inside the text is kept.
 */
export function normalizeParagraphs(text: string): string {
  const lines: string[] = [];
  for (const raw of splitLines(text)) {
    const line = raw.trimEnd();
    if (line.length === 0 && (lines.length === 0 || lines[lines.length - 1].length === 0)) continue;
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1].length === 0) lines.pop();
  return lines.join('\n');
}
