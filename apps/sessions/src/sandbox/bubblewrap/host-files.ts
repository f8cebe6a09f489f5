import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { SandboxArtifact, WorkspaceFile } from '../sandbox.port';

/** Writes the (already validated) files under `root`, creating folders as needed. */
export async function writeFiles(root: string, files: readonly WorkspaceFile[]): Promise<void> {
  for (const file of files) {
    const target = join(root, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: 'wx' });
  }
}

/**
 * Reads one file written by the sandbox without following a symlink at any step: every
 * component is lstat'ed inside `root`, and the final open uses O_NOFOLLOW.
 */
export async function readRegularFile(
  root: string,
  path: string,
  maxBytes: number,
): Promise<{ content: Buffer } | { skipped: string }> {
  const parts = path.split('/');
  let current = root;
  for (const part of parts) {
    current = join(current, part);
    const stats = await lstat(current).catch(() => null);
    if (!stats) return { skipped: 'not found' };
    if (stats.isSymbolicLink()) return { skipped: 'symlink (not followed)' };
  }
  const stats = await lstat(current);
  if (!stats.isFile()) return { skipped: 'not a regular file' };
  if (stats.size > maxBytes) return { skipped: `over the ${maxBytes}-byte artifact limit` };
  const handle = await open(current, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const content = await handle.readFile();
    return content.length > maxBytes ? { skipped: `over the ${maxBytes}-byte artifact limit` } : { content };
  } finally {
    await handle.close();
  }
}

/** Copies out files and folders (recursively), skipping symlinks and special files. */
export async function collectArtifacts(
  root: string,
  paths: readonly string[],
  maxBytes: number,
): Promise<{ artifacts: SandboxArtifact[]; skipped: { path: string; reason: string }[] }> {
  const artifacts: SandboxArtifact[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let budget = maxBytes;
  const visit = async (path: string): Promise<void> => {
    const full = join(root, path);
    const stats = await lstat(full).catch(() => null);
    if (!stats) return void skipped.push({ path, reason: 'not found' });
    if (stats.isSymbolicLink()) return void skipped.push({ path, reason: 'symlink (not followed)' });
    if (stats.isDirectory()) {
      for (const entry of await readdir(full)) await visit(relative(root, join(full, entry)));
      return;
    }
    const read = await readRegularFile(root, path, budget);
    if ('skipped' in read) return void skipped.push({ path, reason: read.skipped });
    budget -= read.content.length;
    artifacts.push({ path, content: read.content });
  };
  for (const path of paths) await visit(path);
  return { artifacts, skipped };
}
