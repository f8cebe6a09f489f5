import { SANDBOX_UID } from './sandbox.port';
import type { WorkspaceFile } from './sandbox.port';
import { createTar } from './tar-archive';
import type { TarEntryInput } from './tar-archive';

/**
 * The tar copied into `/sandbox`: `workspace/` with the files and `report/` for the test report,
 * every entry owned by the sandbox user (the volume root itself stays root's, read-only to it).
 */
export function workspaceArchive(files: readonly WorkspaceFile[]): Promise<Buffer> {
  const owner = { uid: SANDBOX_UID, gid: SANDBOX_UID };
  const directories = new Set<string>(['workspace', 'report']);
  for (const file of files) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i += 1) directories.add(`workspace/${parts.slice(0, i).join('/')}`);
  }
  const entries: TarEntryInput[] = [...directories]
    .sort()
    .map((path) => ({ path, type: 'directory', mode: 0o755, ...owner }));
  for (const file of files) {
    entries.push({
      path: `workspace/${file.path}`,
      type: 'file',
      content: Buffer.from(file.content),
      mode: 0o644,
      ...owner,
    });
  }
  return createTar(entries);
}
