import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CliError } from './cli-error';

const SKIPPED = new Set(['node_modules', '.git', 'dist', 'coverage', '.codemyspec']);
const MAX_FILES = 500;
const MAX_BYTES = 8 * 1024 * 1024;

/** Every regular file under `dir` (symlinks and build folders skipped), with workspace-relative paths. */
export async function directoryFiles(dir: string): Promise<{ path: string; content: string }[]> {
  const files: { path: string; content: string }[] = [];
  let total = 0;
  const visit = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      throw new CliError(`cannot read ${folder}: ${(error as Error).message}`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await visit(full);
        continue;
      }
      if (!entry.isFile() || (await lstat(full)).isSymbolicLink()) continue;
      const content = await readFile(full, 'utf8');
      total += Buffer.byteLength(content);
      files.push({ path: relative(dir, full).split(sep).join('/'), content });
      if (files.length > MAX_FILES) throw new CliError(`${dir} has more than ${MAX_FILES} files`);
      if (total > MAX_BYTES) throw new CliError(`${dir} holds more than ${MAX_BYTES} bytes`);
    }
  };
  await visit(dir);
  if (files.length === 0) throw new CliError(`${dir} holds no files`);
  return files;
}
