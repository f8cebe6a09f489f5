import { unstorableReason, ValidationError } from '@app/domain';
import type { WorkspaceFile } from './sandbox.port';

export const MAX_FILES = 500;
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_TOTAL_BYTES = 8 * 1024 * 1024;

/** Code points some file systems ignore in names (HFS+), so `.g\u200cit` could still mean `.git`. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Folders no file may be written into: git's own (it would configure git on the host) and ours. */
const RESERVED: Readonly<Record<string, string>> = {
  '.git': 'a git folder',
  '.codemyspec': 'the reserved .codemyspec folder',
};

/** NTFS 8.3 short names of the reserved folders (`GIT~1`, git's hashed `GI7EBA~1`, `CODEMY~1`). */
const SHORT_NAME = /^(git|gi7eba|codemy)~[0-9]+$/;

/** Percent-encoded dots, slashes, backslashes, colons and control characters (`%2e%2e`, `%2Egit`). */
const ENCODED = /%(2e|2f|5c|3a|[01][0-9a-f]|7f)/i;

/**
 * The name a file system could take a segment for: compatibility forms folded (fullwidth
 * `．ｇｉｔ` is `.git`), ignorable code points removed (HFS+), trailing dots and spaces dropped
 * (NTFS), lower case.
 */
function comparableName(segment: string): string {
  return segment
    .normalize('NFKC')
    .replace(IGNORABLE, '')
    .replace(/[. ]+$/, '')
    .toLowerCase();
}

/**
 * Why a segment could stand for a reserved folder (`.git`, `.codemyspec`), or null: in any case,
 * with trailing dots or spaces, ignorable or compatibility code points, as an NTFS short name, or
 * as a dot-name with any character outside plain ASCII (`.gıt` passes for `.git` to a person
 * and to some tools: a dot-name must be plain ASCII).
 */
export function reservedSegmentReason(segment: string): string | null {
  const name = comparableName(segment);
  const reserved = Object.hasOwn(RESERVED, name) ? RESERVED[name] : undefined;
  if (reserved) return `has a "${segment}" segment: nothing may be written into ${reserved}`;
  if (SHORT_NAME.test(name)) return `has a "${segment}" segment: an NTFS short name of a reserved folder`;
  if (name.startsWith('.') && !/^[\x21-\x7e]+$/.test(segment))
    return `has a "${segment}" segment: a name starting with a dot must be plain ASCII`;
  return null;
}

/**
 * A workspace path: relative, normalised, inside the workspace. Absolute paths, `..` segments,
 * backslashes, colons (drive letters, NTFS streams such as `.git::$INDEX_ALLOCATION`),
 * percent-encoded dots or slashes, control characters, text no store can hold, and any segment
 * that could stand for `.git` or our reserved `.codemyspec` are refused. One rule for files a
 * person uploads and files an LLM proposes: a file under `.git` would configure git on the host
 * (hooks, `core.fsmonitor`).
 */
export function checkWorkspacePath(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.length > 240) return 'is longer than 240 characters';
  const unstorable = unstorableReason(path);
  if (unstorable) return unstorable;
  if ([...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\'))
    return 'contains a control character or a backslash';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'is absolute';
  if (path.includes(':')) return 'contains a colon (a drive letter or an NTFS stream)';
  if (ENCODED.test(path)) return 'contains a percent-encoded dot, slash, colon or control character';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'leaves the workspace (..)';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." segment';
  for (const segment of segments) {
    const folded = comparableName(segment);
    if (/[/\\]/.test(segment.normalize('NFKC')) || folded === '' || folded === '..' || folded === '.')
      return `has a "${segment}" segment that a file system could read as "..", "." or a separator`;
    const reserved = reservedSegmentReason(segment);
    if (reserved) return reserved;
  }
  return null;
}

/** Validates a whole upload; every problem is listed with the file it concerns. */
export function validateWorkspaceFiles(files: readonly WorkspaceFile[]): WorkspaceFile[] {
  const problems: { field: string; message: string }[] = [];
  if (files.length === 0) problems.push({ field: 'files', message: 'at least one file is required' });
  if (files.length > MAX_FILES) problems.push({ field: 'files', message: `at most ${MAX_FILES} files` });
  const seen = new Set<string>();
  let total = 0;
  files.forEach((file, index) => {
    const field = `files[${index}].path`;
    const problem = checkWorkspacePath(file.path);
    if (problem) problems.push({ field, message: `"${file.path}" ${problem}` });
    const path = file.path;
    if (seen.has(path)) problems.push({ field, message: `"${file.path}" is given twice` });
    seen.add(path);
    const bytes = Buffer.byteLength(file.content);
    total += bytes;
    if (bytes > MAX_FILE_BYTES)
      problems.push({ field: `files[${index}].content`, message: `larger than ${MAX_FILE_BYTES} bytes` });
  });
  if (total > MAX_TOTAL_BYTES)
    problems.push({ field: 'files', message: `more than ${MAX_TOTAL_BYTES} bytes in all` });
  files.forEach((file, index) => {
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i += 1) {
      const folder = segments.slice(0, i).join('/');
      if (!seen.has(folder)) continue;
      problems.push({
        field: `files[${index}].path`,
        message: `"${file.path}" needs a folder "${folder}", but "${folder}" is also given as a file`,
      });
      break;
    }
  });
  if (problems.length > 0)
    throw new ValidationError(
      `the files cannot be written to a workspace: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      problems,
    );
  return files.map((f) => ({ path: f.path, content: f.content }));
}
