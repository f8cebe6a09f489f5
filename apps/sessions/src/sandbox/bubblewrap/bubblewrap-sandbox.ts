import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { chmod, chown, copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import { join } from 'node:path';
import { OutputCapture } from '../output-capture';
import { REAP_GRACE_MS } from '../sandbox-labels';
import { runnerFailure, sandboxResult } from '../sandbox-result';
import type { FinishedRun } from '../sandbox-result';
import { SANDBOX_ROOT, SANDBOX_SCRATCH, SANDBOX_UID, SANDBOX_WORKSPACE } from '../sandbox.port';
import type { Sandbox, SandboxRequest, SandboxResult } from '../sandbox.port';
import { createCgroup, expiryOf, reapCgroups } from './cgroup-limits';
import type { CgroupRun } from './cgroup-limits';
import { collectArtifacts, readRegularFile, writeFiles } from './host-files';
import { freeBytes, mountQuota, unmountQuota } from './quota-folder';
import { fullThreshold } from '../disk-quota';

export interface BubblewrapSandboxOptions {
  readonly bwrap?: string;
  /** The Node binary bound read-only into the sandbox as `/opt/node/bin/node`. */
  readonly nodeBinary?: string;
  /** Where run folders are created (each is bound at /sandbox and removed afterwards). */
  readonly workRoot: string;
  readonly log?: (message: string) => void;
}

const NODE_DIR = '/opt/node/bin';
const RUN_PREFIX = 'run-';

/** True when `bwrap` can create a sandbox here (installed, and namespaces allowed). */
export function bubblewrapAvailable(bwrap = 'bwrap'): boolean {
  const probe = spawnSync(bwrap, ['--unshare-all', '--ro-bind', '/', '/', 'true'], { timeout: 5_000 });
  return probe.status === 0;
}

function signalNumber(signal: NodeJS.Signals | null): number | null {
  return signal ? (osConstants.signals[signal] ?? null) : null;
}

/**
 * The fallback sandbox, for machines without a Docker engine: bubblewrap with every namespace
 * unshared (so no network), read-only binds of the system's libraries and the Node binary, a
 * read-only root, a size-limited tmpfs scratch folder and the run folder as the only writable
 * place, a tmpfs of the run's disk quota when run as root. As root the run is placed in its own cgroup (memory without swap, pids, CPU) and drops
 * to the sandbox user; prlimit adds open-file, file-size and core limits (and, without cgroups,
 * a process limit). The same wall-clock and output limits and the same outcome rules as Docker.
 */
export class BubblewrapSandbox implements Sandbox {
  readonly driver = 'bubblewrap' as const;
  private readonly bwrap: string;
  private readonly nodeBinary: string;
  private stagedNode: Promise<string> | undefined;
  private readonly isRoot = process.getuid?.() === 0;
  private warnedNoQuota = false;

  /** Read-only binds of the host's system folders (a merged-/usr symlink stays a symlink), found once. */
  private readonly systemBinds: readonly string[] = ['/usr', '/lib', '/lib64', '/bin', '/sbin'].flatMap(
    (system) => {
      if (!existsSync(system)) return [];
      return lstatSync(system).isSymbolicLink()
        ? ['--symlink', realpathSync(system).replace(/^\//, ''), system]
        : ['--ro-bind', system, system];
    },
  );

  constructor(private readonly options: BubblewrapSandboxOptions) {
    this.bwrap = options.bwrap ?? 'bwrap';
    this.nodeBinary = realpathSync(options.nodeBinary ?? process.execPath);
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    const startedAt = performance.now();
    // The name carries the expiry, so a reaper (of any instance) knows when it is a leftover.
    const name = `${request.runId}.${Date.now() + request.limits.timeoutMs + REAP_GRACE_MS}`;
    const dir = join(this.options.workRoot, `${RUN_PREFIX}${name}`);
    let cgroup: CgroupRun | null = null;
    let mounted = false;
    try {
      await mkdir(this.options.workRoot, { recursive: true, mode: 0o755 });
      await mkdir(dir, { mode: 0o755 });
      if (this.isRoot) {
        await mountQuota(dir, request.limits.diskBytes);
        mounted = true;
      } else this.warnNoQuota();
      await mkdir(join(dir, 'workspace'), { recursive: true, mode: 0o755 });
      await mkdir(join(dir, 'report'), { mode: 0o755 });
      await writeFiles(join(dir, 'workspace'), request.files);
      if (this.isRoot) await chownTree(join(dir, 'workspace'), join(dir, 'report'));
      const node = await this.node();
      cgroup = await createCgroup(name, request.limits);
      const finished = await this.execute(dir, node, request, cgroup, startedAt);
      const diskFull = mounted && (await freeBytes(dir)) < fullThreshold(request.limits.diskBytes);
      return sandboxResult({ ...finished, diskFull });
    } catch (error) {
      return runnerFailure(request.runId, this.driver, startedAt, error);
    } finally {
      await cgroup?.remove();
      if (mounted) await unmountQuota(dir);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** Without root no tmpfs can be mounted for the run: said once, so an operator knows. */
  private warnNoQuota(): void {
    if (this.warnedNoQuota) return;
    this.warnedNoQuota = true;
    this.options.log?.(
      'bubblewrap runs without root: no disk quota (SANDBOX_DISK_MB) can be mounted; only the file-size limit applies',
    );
  }

  /**
   * As root the run drops to the sandbox user before bwrap resolves its binds, so the Node binary
   * must be reachable by that user: a copy in the work root when its own folder is not (e.g. under
   * /root). Made once per process.
   */
  private node(): Promise<string> {
    this.stagedNode ??= (async () => {
      if (!this.isRoot) return this.nodeBinary;
      // The sandbox user must be able to pass through the work root (a mkdtemp folder is 0700).
      const root = await stat(this.options.workRoot);
      if ((root.mode & 0o001) === 0) await chmod(this.options.workRoot, (root.mode & 0o7777) | 0o011);
      const info = await stat(this.nodeBinary);
      const target = join(this.options.workRoot, 'node', `${info.size}-${Math.floor(info.mtimeMs)}`, 'node');
      if (!existsSync(target)) {
        await mkdir(join(target, '..'), { recursive: true, mode: 0o755 });
        const partial = `${target}.${process.pid}.partial`;
        await copyFile(this.nodeBinary, partial);
        await chmod(partial, 0o755);
        await rename(partial, target);
      }
      return target;
    })();
    return this.stagedNode;
  }

  private bwrapArgs(dir: string, node: string, request: SandboxRequest): string[] {
    const args = ['--unshare-all', '--die-with-parent', '--new-session', '--clearenv', ...this.systemBinds];
    args.push(
      '--ro-bind',
      node,
      `${NODE_DIR}/node`,
      '--size',
      String(request.limits.scratchBytes),
      '--tmpfs',
      SANDBOX_SCRATCH,
      '--bind',
      dir,
      SANDBOX_ROOT,
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--chdir',
      SANDBOX_WORKSPACE,
      '--setenv',
      'PATH',
      `${NODE_DIR}:/usr/bin:/bin`,
      '--setenv',
      'HOME',
      SANDBOX_SCRATCH,
      '--setenv',
      'TMPDIR',
      SANDBOX_SCRATCH,
      '--setenv',
      'CI',
      '1',
      '--setenv',
      'NO_COLOR',
      '1',
      '--remount-ro',
      '/',
      '--',
      ...request.argv,
    );
    return args;
  }

  /** sh joins the cgroup (so everything after is inside), then drops to the sandbox user. */
  private launcher(
    dir: string,
    node: string,
    request: SandboxRequest,
    cgroup: CgroupRun | null,
  ): { file: string; args: string[]; env: NodeJS.ProcessEnv } {
    const { limits } = request;
    const prlimit = [
      'prlimit',
      '--nofile=512',
      `--fsize=${limits.scratchBytes}`,
      '--core=0',
      ...(cgroup ? [] : [`--nproc=${limits.pids}`, `--data=${limits.memoryBytes}`]),
      '--',
    ];
    const drop = this.isRoot
      ? ['setpriv', `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_UID}`, '--clear-groups', '--']
      : [];
    const chain = [...drop, ...prlimit, this.bwrap, ...this.bwrapArgs(dir, node, request)];
    const script = 'for f in $CODEMYSPEC_CGROUP_PROCS; do echo $$ > "$f" || exit 125; done; exec "$@"';
    return {
      file: '/bin/sh',
      args: ['-c', script, 'sandbox', ...chain],
      env: {
        PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
        CODEMYSPEC_CGROUP_PROCS: (cgroup?.procsFiles ?? []).join(' '),
      },
    };
  }

  private execute(
    dir: string,
    node: string,
    request: SandboxRequest,
    cgroup: CgroupRun | null,
    startedAt: number,
  ): Promise<FinishedRun> {
    const launch = this.launcher(dir, node, request, cgroup);
    const child = spawn(launch.file, launch.args, {
      env: launch.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let killedBy: FinishedRun['killedBy'] = null;
    const kill = (reason: 'timeout' | 'output_limit') => {
      if (killedBy) return;
      killedBy = reason;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const capture = new OutputCapture(request.limits.outputBytes, () => kill('output_limit'));
    child.stdout.on('data', (chunk: Buffer) => capture.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => capture.push(chunk));
    const timer = setTimeout(() => kill('timeout'), request.limits.timeoutMs);
    return new Promise<FinishedRun>((resolve, reject) => {
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        const finishedAt = performance.now();
        void (async () => {
          try {
            if (code === 125 && !killedBy) throw new Error('could not join the run cgroup');
            const oomKilled = (await cgroup?.oomKilled()) ?? false;
            await cgroup?.remove(); // nothing of the run survives its wall-clock limit
            const report = await readRegularFile(join(dir, 'report'), 'report.tap', 16 * 1024 * 1024);
            const { artifacts, skipped } = await collectArtifacts(
              join(dir, 'workspace'),
              request.collect ?? [],
              request.limits.artifactBytes,
            );
            const sig = signalNumber(signal);
            resolve({
              runId: request.runId,
              driver: this.driver,
              startedAt,
              finishedAt,
              exitCode: code ?? (sig === null ? null : 128 + sig),
              killedBy,
              oomKilled,
              diskFull: false,
              output: capture.text(),
              outputTruncated: capture.exceeded,
              report: 'content' in report ? report.content.toString('utf8') : null,
              artifacts,
              skippedArtifacts: skipped,
              runnerError: null,
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        })();
      });
    });
  }

  /** Removes run folders and cgroups past their expiry (leftovers of a crashed service). */
  async reap(nowMs: number = Date.now()): Promise<number> {
    let removed = await reapCgroups(nowMs);
    const entries = await readdir(this.options.workRoot).catch(() => [] as string[]);
    for (const entry of entries) {
      const expiry = entry.startsWith(RUN_PREFIX) ? expiryOf(entry) : null;
      if (expiry === null || expiry >= nowMs) continue;
      await unmountQuota(join(this.options.workRoot, entry));
      await rm(join(this.options.workRoot, entry), { recursive: true, force: true });
      removed += 1;
    }
    return removed;
  }

  /** Runs are cleaned up before they answer. */
  async settled(): Promise<void> {}

  async close(): Promise<void> {}
}

async function chownTree(...roots: string[]): Promise<void> {
  const visit = async (path: string): Promise<void> => {
    await chown(path, SANDBOX_UID, SANDBOX_UID);
    const info = await stat(path);
    if (!info.isDirectory()) return;
    for (const entry of await readdir(path)) await visit(join(path, entry));
  };
  for (const root of roots) await visit(root);
}
