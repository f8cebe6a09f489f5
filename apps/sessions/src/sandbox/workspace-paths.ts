import { ValidationError } from '@app/domain';
import type { WorkspaceFile } from './sandbox.port';

export const MAX_FILES = 500;
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_TOTAL_BYTES = 8 * 1024 * 1024;

/** Code points some file systems ignore in names (HFS+), so `.g\u200cit` could still mean `.git`. */
const IGNORABLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]/g;

/**
 * True for a segment that a file system or git itself could take for `.git`: any case, with
 * trailing dots or spaces (NTFS), ignorable code points (HFS+) or the NTFS short name `git~1`.
 */
export function isGitSegment(segment: string): boolean {
  const name = segment
    .replace(IGNORABLE, '')
    .replace(/[. ]+$/, '')
    .toLowerCase();
  return name === '.git' || name === 'git~1';
}

/**
 * A workspace path: relative, normalised, inside the workspace. Absolute paths, `..` segments,
 * backslashes, control characters, our own reserved folder and any `.git` segment are refused
 * (the same rule for files a person uploads and files an LLM proposes). A `.git` segment is
 * refused because a file there would configure git on the host (hooks, `core.fsmonitor`).
 */
export function checkWorkspacePath(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.length > 240) return 'is longer than 240 characters';
  if ([...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || c === '\\'))
    return 'contains a control character or a backslash';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'is absolute';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'leaves the workspace (..)';
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." segment';
  if (segments[0] === '.codemyspec') return 'is in the reserved .codemyspec folder';
  const git = segments.find(isGitSegment);
  if (git !== undefined) return `has a "${git}" segment: nothing may be written into a git folder`;
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
