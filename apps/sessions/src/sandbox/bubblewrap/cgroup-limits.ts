import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxLimits } from '../sandbox.port';

/**
 * Kernel-enforced limits for one bubblewrap run: a cgroup (v2, or v1's memory, pids and cpu
 * controllers) that the sandbox joins before bwrap is exec'd, so every process it forks is
 * inside. Only usable where the cgroup tree is writable (as root, typically).
 */
export interface CgroupRun {
  /** The `cgroup.procs` files the launcher writes its own pid to. */
  readonly procsFiles: readonly string[];
  /** Did the kernel OOM-kill anything in the group? */
  oomKilled(): Promise<boolean>;
  /** Kills whatever is left and removes the group. */
  remove(): Promise<void>;
}

const ROOT = '/sys/fs/cgroup';
const GROUP = 'codemyspec-sandbox';

type Layout = { kind: 'v2' } | { kind: 'v1'; memory: string; pids: string; cpu: string | null };

function detect(): Layout | null {
  try {
    if (existsSync(join(ROOT, 'cgroup.controllers'))) {
      const controllers = readFileSync(join(ROOT, 'cgroup.controllers'), 'utf8');
      return /\bmemory\b/.test(controllers) && /\bpids\b/.test(controllers) ? { kind: 'v2' } : null;
    }
    const memory = join(ROOT, 'memory');
    const pids = join(ROOT, 'pids');
    if (!existsSync(join(memory, 'cgroup.procs')) || !existsSync(join(pids, 'cgroup.procs'))) return null;
    const cpu = existsSync(join(ROOT, 'cpu', 'cpu.cfs_quota_us')) ? join(ROOT, 'cpu') : null;
    return { kind: 'v1', memory, pids, cpu };
  } catch {
    return null;
  }
}

let layout: Layout | null | undefined;

/** Creates the run's cgroup, or returns null where cgroups cannot be used (no error). */
export async function createCgroup(name: string, limits: SandboxLimits): Promise<CgroupRun | null> {
  layout ??= detect();
  if (!layout) return null;
  try {
    return layout.kind === 'v2' ? await createV2(name, limits) : await createV1(layout, name, limits);
  } catch {
    return null; // not writable (not root, or delegated elsewhere): the caller falls back to prlimit
  }
}

async function killAll(procs: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const pids = (await readFile(procs, 'utf8').catch(() => '')).split('\n').filter(Boolean);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function removeDir(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      await rmdir(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function createV2(runId: string, limits: SandboxLimits): Promise<CgroupRun> {
  const parent = join(ROOT, GROUP);
  await mkdir(parent, { recursive: true });
  await writeFile(join(parent, 'cgroup.subtree_control'), '+memory +pids +cpu').catch(() => undefined);
  const dir = join(parent, runId);
  await mkdir(dir);
  await writeFile(join(dir, 'memory.max'), String(limits.memoryBytes));
  await writeFile(join(dir, 'memory.swap.max'), '0').catch(() => undefined);
  await writeFile(join(dir, 'pids.max'), String(limits.pids));
  await writeFile(join(dir, 'cpu.max'), `${Math.round(limits.cpus * 100_000)} 100000`).catch(() => undefined);
  const procs = join(dir, 'cgroup.procs');
  return {
    procsFiles: [procs],
    async oomKilled() {
      const events = await readFile(join(dir, 'memory.events'), 'utf8').catch(() => '');
      return Number(/oom_kill (\d+)/.exec(events)?.[1] ?? 0) > 0;
    },
    async remove() {
      await killAll(procs);
      await removeDir(dir);
    },
  };
}

async function createV1(
  layout: Extract<Layout, { kind: 'v1' }>,
  runId: string,
  limits: SandboxLimits,
): Promise<CgroupRun> {
  const dirs = {
    memory: join(layout.memory, GROUP, runId),
    pids: join(layout.pids, GROUP, runId),
    cpu: layout.cpu ? join(layout.cpu, GROUP, runId) : null,
  };
  const created: string[] = [];
  try {
    for (const dir of [dirs.memory, dirs.pids, dirs.cpu]) {
      if (!dir) continue;
      await mkdir(dir, { recursive: true });
      created.push(dir);
    }
    await writeFile(join(dirs.memory, 'memory.limit_in_bytes'), String(limits.memoryBytes));
    // memsw exists only with swap accounting; without it there is no swap to escape into anyway.
    await writeFile(join(dirs.memory, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes)).catch(
      () => undefined,
    );
    await writeFile(join(dirs.pids, 'pids.max'), String(limits.pids));
    if (dirs.cpu) {
      await writeFile(join(dirs.cpu, 'cpu.cfs_period_us'), '100000');
      await writeFile(join(dirs.cpu, 'cpu.cfs_quota_us'), String(Math.round(limits.cpus * 100_000)));
    }
  } catch (error) {
    for (const dir of created.reverse()) await removeDir(dir);
    throw error;
  }
  return {
    procsFiles: created.map((dir) => join(dir, 'cgroup.procs')),
    async oomKilled() {
      const control = await readFile(join(dirs.memory, 'memory.oom_control'), 'utf8').catch(() => '');
      return Number(/oom_kill (\d+)/.exec(control)?.[1] ?? 0) > 0;
    },
    async remove() {
      await killAll(join(dirs.memory, 'cgroup.procs'));
      for (const dir of created.reverse()) await removeDir(dir);
    },
  };
}

/** A run's group name carries its expiry (`<runId>.<epoch ms>`), so any instance can reap it safely. */
export function expiryOf(name: string): number | null {
  const match = /\.(\d+)$/.exec(name);
  return match ? Number(match[1]) : null;
}

/** Leftover run groups (a crashed service) past their expiry: kill their processes and remove them. */
export async function reapCgroups(nowMs: number): Promise<number> {
  layout ??= detect();
  if (!layout) return 0;
  const parents =
    layout.kind === 'v2'
      ? [join(ROOT, GROUP)]
      : [layout.memory, layout.pids, layout.cpu]
          .filter((d): d is string => d !== null)
          .map((d) => join(d, GROUP));
  let removed = 0;
  for (const parent of parents) {
    const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const expiry = expiryOf(entry.name);
      if (!entry.isDirectory() || expiry === null || expiry >= nowMs) continue;
      await killAll(join(parent, entry.name, 'cgroup.procs'));
      await removeDir(join(parent, entry.name));
      removed += 1;
    }
  }
  return removed;
}
