import type { ContainerCreateOptions, MountSettings, VolumeCreateOptions } from 'dockerode';
import { SANDBOX_ROOT, SANDBOX_SCRATCH, SANDBOX_UID, SANDBOX_WORKSPACE } from '../sandbox.port';
import type { SandboxLimits } from '../sandbox.port';

/**
 * What the container runs while it waits for commands. Tests run as `exec`s inside it, so the
 * container — and with it the run's tmpfs volume — lives until the runner has read the report.
 * The image must provide `sleep` (the default image has it).
 */
export const HOLDER_COMMAND = ['sleep', 'infinity'];

export const SANDBOX_ENV = [
  'PATH=/usr/local/bin:/usr/bin:/bin',
  `HOME=${SANDBOX_SCRATCH}`,
  `TMPDIR=${SANDBOX_SCRATCH}`,
  'CI=1',
  'NO_COLOR=1',
];

/**
 * The run's volume: a tmpfs of `diskBytes`, so that everything a run stores under /sandbox counts
 * against its quota and lives in memory only (a local volume of type tmpfs is mounted while a
 * container uses it, which is why the container stays up for the whole run).
 */
export function volumeOptions(
  name: string,
  labels: Record<string, string>,
  limits: SandboxLimits,
): VolumeCreateOptions {
  return {
    Name: name,
    Labels: labels,
    Driver: 'local',
    DriverOpts: {
      type: 'tmpfs',
      device: 'tmpfs',
      // Root-owned: the sandbox user writes only in the workspace and report folders put into it.
      o: `size=${limits.diskBytes},mode=0755,nosuid,nodev`,
    },
  };
}

/**
 * One locked-down container: no network, a read-only root, every capability dropped, no new
 * privileges, an init process, limits on pids, memory (swap included), CPU, open files, file size
 * and core dumps, a non-root user, a tmpfs scratch folder and the run's tmpfs volume at /sandbox.
 */
export function containerOptions(
  image: string,
  volume: string,
  labels: Record<string, string>,
  limits: SandboxLimits,
): ContainerCreateOptions {
  return {
    Image: image,
    Cmd: HOLDER_COMMAND,
    Entrypoint: [],
    WorkingDir: SANDBOX_ROOT,
    User: `${SANDBOX_UID}:${SANDBOX_UID}`,
    Env: SANDBOX_ENV,
    Labels: labels,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Init: true,
      PidsLimit: limits.pids,
      Memory: limits.memoryBytes,
      MemorySwap: limits.memoryBytes,
      NanoCpus: Math.round(limits.cpus * 1e9),
      Tmpfs: { [SANDBOX_SCRATCH]: `rw,nosuid,nodev,size=${limits.scratchBytes},mode=1777` },
      Mounts: [
        {
          Type: 'volume',
          Source: volume,
          Target: SANDBOX_ROOT,
          // The image's folder is not copied into the volume: the workspace holds only our files.
          VolumeOptions: { NoCopy: true } as NonNullable<MountSettings['VolumeOptions']>,
        },
      ],
      Ulimits: [
        { Name: 'nofile', Soft: 512, Hard: 512 },
        { Name: 'fsize', Soft: limits.scratchBytes, Hard: limits.scratchBytes },
        { Name: 'core', Soft: 0, Hard: 0 },
      ],
      LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '1' } },
    },
  };
}

/** The exec that runs the test command in the workspace, as the sandbox user. */
export function execOptions(argv: readonly string[]) {
  return {
    Cmd: [...argv],
    User: `${SANDBOX_UID}:${SANDBOX_UID}`,
    WorkingDir: SANDBOX_WORKSPACE,
    Env: SANDBOX_ENV,
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
  };
}

/** Prints the free blocks and the block size under /sandbox (statfs), after the tests. */
export const FREE_SPACE_PROBE = ['stat', '-f', '-c', '%a %S', SANDBOX_ROOT];

/** The free bytes in the probe's answer, or null when it did not answer as expected. */
export function freeBytesOf(probeOutput: string): number | null {
  const match = /^(\d+) (\d+)\s*$/.exec(probeOutput);
  return match ? Number(match[1]) * Number(match[2]) : null;
}
