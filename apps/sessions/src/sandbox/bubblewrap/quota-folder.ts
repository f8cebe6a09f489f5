import { execFile } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SYSTEM_PATH = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };

/**
 * Mounts a tmpfs of `bytes` on the run folder (as root), so that everything a run writes there
 * (its workspace and report) counts against its disk quota and never reaches the host's disk.
 */
export async function mountQuota(dir: string, bytes: number): Promise<void> {
  await run(
    'mount',
    ['-t', 'tmpfs', '-o', `size=${bytes},mode=0755,nosuid,nodev`, 'codemyspec-sandbox', dir],
    {
      env: SYSTEM_PATH,
    },
  );
}

/** Unmounts it again (lazily, should anything still hold it); a folder without a mount is fine. */
export async function unmountQuota(dir: string): Promise<void> {
  await run('umount', ['-l', dir], { env: SYSTEM_PATH }).catch(() => undefined);
}

export async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}
