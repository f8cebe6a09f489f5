/**
 * Where real models name the file of a fenced block. Each form is one small function; the parser
 * tries them in order and the first that finds a path wins.
 */

/** Something that looks like a relative file path with an extension (`src/a.ts`, `test/a.test.ts`). */
const PATH_LIKE = /^(?:\.\/)?[\w@.+-]+(?:\/[\w@.+-]+)*\.[A-Za-z0-9]+$/;

function cleanPath(candidate: string): string | null {
  const path = candidate.trim().replace(/^["'`]|["'`]$/g, '');
  if (!PATH_LIKE.test(path) && !path.includes('/')) return null;
  if (/\s/.test(path) || path.length === 0) return null;
  return path.replace(/^\.\//, '');
}

const ATTRIBUTE = /(?:^|\s)(?:path|file|filename|filepath|title|name)\s*=\s*(?:"([^"]+)"|'([^']+)'|(\S+))/i;

/**
 * From the info string: `typescript path=src/a.ts`, `ts file="src/a.ts"`, `title=src/a.ts`, or a
 * bare path after (or instead of) the language: `ts src/a.ts`, `src/a.ts`, `typescript:src/a.ts`.
 */
export function pathFromInfo(info: string): string | null {
  const attribute = ATTRIBUTE.exec(info);
  if (attribute) return (attribute[1] ?? attribute[2] ?? attribute[3]).trim();
  const token = info.split(/[\s:]+/).find((t) => PATH_LIKE.test(t));
  return token ? cleanPath(token) : null;
}

/**
 * From the line right above the fence: a heading (`### src/a.ts`), bold (`**src/a.ts**`),
 * backticks (`` `src/a.ts` ``), a label (`File: src/a.ts`, `**Filename:** \`src/a.ts\``), possibly
 * ending with a colon.
 */
export function pathFromLineBefore(line: string | null): string | null {
  if (line === null) return null;
  const text = line
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
    .trim();
  const backticked = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => cleanPath(m[1])).filter(Boolean);
  if (backticked.length === 1) return backticked[0];
  const plain = text
    .replace(/[*_]{1,3}/g, '')
    .replace(/:\s*$/, '')
    .trim();
  const labelled = /^(?:file(?:name)?|path|filepath|create|update)\s*[:=-]\s*(\S+)$/i.exec(plain);
  if (labelled) return cleanPath(labelled[1]);
  return PATH_LIKE.test(plain) ? cleanPath(plain) : null;
}

const COMMENT_FORMS = [
  /^\s*\/\/\s*(.+?)\s*$/,
  /^\s*#\s*(.+?)\s*$/,
  /^\s*\/\*+\s*(.+?)\s*\*+\/\s*$/,
  /^\s*<!--\s*(.+?)\s*-->\s*$/,
  /^\s*--\s*(.+?)\s*$/,
];

/**
 * From a first-line comment naming the file (`// src/a.ts`, `# path: src/a.ts`,
 * `<!-- docs/a.md -->`): the path and the body without that line.
 */
export function pathFromFirstLine(body: string): { path: string; body: string } | null {
  const newline = body.indexOf('\n');
  const first = newline === -1 ? body : body.slice(0, newline);
  for (const form of COMMENT_FORMS) {
    const match = form.exec(first);
    if (!match) continue;
    const named = match[1].replace(/^(?:file(?:name)?|path|filepath)\s*:\s*/i, '');
    if (!PATH_LIKE.test(named)) return null;
    const path = cleanPath(named);
    return path ? { path, body: newline === -1 ? '' : body.slice(newline + 1) } : null;
  }
  return null;
}
