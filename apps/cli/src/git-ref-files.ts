import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CliError } from './cli-error';

const run = promisify(execFile);
const MAX_FILES = 500;
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The files of a commit of a git repository (a clone of a project's git record), without the
 * method's documents (`docs/`): regular files only, no symbolic links or submodules. Git reads
 * the objects only (`ls-tree`, `cat-file`): nothing of a work tree is run.
 */
export async function gitRefFiles(dir: string, ref: string): Promise<{ path: string; content: string }[]> {
  if (ref.startsWith('-')) throw new CliError(`not a git ref: ${ref}`, 2);
  const git = (args: string[]) =>
    run('git', ['-c', 'core.fsmonitor=false', '-C', dir, ...args], { maxBuffer: MAX_BYTES * 2 });
  let listing: string;
  try {
    listing = (await git(['ls-tree', '-r', '-z', '--full-tree', `${ref}^{tree}`, '--'])).stdout;
  } catch (error) {
    throw new CliError(
      `${dir}: ${ref} is not a commit here (${(error as { stderr?: string }).stderr?.trim() ?? 'git failed'})`,
      2,
    );
  }
  const entries = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t');
      const [mode, type, sha] = meta.split(' ');
      return { mode, type, sha, path };
    })
    .filter(
      (e) => e.type === 'blob' && (e.mode === '100644' || e.mode === '100755') && !e.path.startsWith('docs/'),
    );
  if (entries.length === 0) throw new CliError(`${ref} holds no files to run (docs/ is left out)`);
  if (entries.length > MAX_FILES) throw new CliError(`${ref} has more than ${MAX_FILES} files`);
  const files: { path: string; content: string }[] = [];
  let total = 0;
  for (const entry of entries) {
    const content = (await git(['cat-file', 'blob', entry.sha])).stdout;
    total += Buffer.byteLength(content);
    if (total > MAX_BYTES) throw new CliError(`${ref} holds more than ${MAX_BYTES} bytes`);
    files.push({ path: entry.path, content });
  }
  return files;
}
