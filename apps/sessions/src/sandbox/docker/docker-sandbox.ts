import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { ContainerCreateOptions, MountSettings } from 'dockerode';
import { DockerStreamDemuxer, OutputCapture } from '../output-capture';
import { EXPIRES_LABEL, isExpired, REAP_GRACE_MS, RUN_ID_LABEL, SANDBOX_LABEL } from '../sandbox-labels';
import { runnerFailure, sandboxResult } from '../sandbox-result';
import type { FinishedRun } from '../sandbox-result';
import {
  SANDBOX_REPORT_FILE,
  SANDBOX_ROOT,
  SANDBOX_SCRATCH,
  SANDBOX_UID,
  SANDBOX_WORKSPACE,
} from '../sandbox.port';
import type { Sandbox, SandboxArtifact, SandboxRequest, SandboxResult } from '../sandbox.port';
import { readTar } from '../tar-archive';
import { workspaceArchive } from '../workspace-archive';

export interface DockerSandboxOptions {
  readonly docker: Docker;
  /** Pre-created containers for requests that match `warm` (0 turns the pool off). */
  readonly warmPoolSize?: number;
  /** The request shape the pool prepares containers for (image, argv, limits). */
  readonly warm?: Pick<SandboxRequest, 'image' | 'argv' | 'limits'>;
  readonly log?: (message: string) => void;
}

interface Prepared {
  readonly container: Docker.Container;
  readonly volume: string;
}

const POOL_TTL_MS = 60 * 60_000;

function streamToBuffer(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        (stream as Readable).destroy(new Error(`archive larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function shapeKey(shape: Pick<SandboxRequest, 'image' | 'argv' | 'limits'>): string {
  return JSON.stringify([shape.image, shape.argv, shape.limits]);
}

/**
 * One container per run, locked down: no network, a read-only root, every capability dropped,
 * no new privileges, an init process, limits on pids, memory (swap included), CPU, open files,
 * file size and core dumps, a non-root user and a tmpfs scratch folder. The files go into a
 * labelled named volume (NoCopy) with putArchive, because a read-only root refuses putArchive
 * anywhere else. The runner kills the container on its wall-clock or output limit and records
 * that the kill was its own; the container and its volume are removed afterwards.
 */
export class DockerSandbox implements Sandbox {
  readonly driver = 'docker' as const;
  private readonly docker: Docker;
  private readonly pool: Prepared[] = [];
  private refilling: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: DockerSandboxOptions) {
    this.docker = options.docker;
  }

  /** Fills the warm pool (a no-op without one); resolves when it is full. */
  async warmUp(): Promise<void> {
    await this.refill();
  }

  /** Containers ready in the warm pool now. */
  get warmContainers(): number {
    return this.pool.length;
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    const startedAt = performance.now();
    let prepared: Prepared | undefined;
    try {
      prepared = this.takeWarm(request) ?? (await this.prepare(request, `run`));
      return await this.execute(prepared, request, startedAt);
    } catch (error) {
      return runnerFailure(request.runId, this.driver, startedAt, error);
    } finally {
      if (prepared) await this.dispose(prepared);
      if (this.options.warmPoolSize) void this.refill();
    }
  }

  private takeWarm(request: SandboxRequest): Prepared | undefined {
    const warm = this.options.warm;
    if (!warm || !this.options.warmPoolSize || shapeKey(warm) !== shapeKey(request)) return undefined;
    return this.pool.shift();
  }

  private refill(): Promise<void> {
    const size = this.options.warmPoolSize ?? 0;
    const warm = this.options.warm;
    if (!warm || size === 0 || this.closed) return Promise.resolve();
    this.refilling ??= (async () => {
      try {
        while (!this.closed && this.pool.length < size) {
          const prepared = await this.prepare(
            { ...warm, runId: `pool-${randomUUID()}` },
            'pool',
            POOL_TTL_MS,
          );
          if (this.closed) await this.dispose(prepared);
          else this.pool.push(prepared);
        }
      } catch (error) {
        this.options.log?.(`warm pool refill failed: ${errorText(error)}`);
      } finally {
        this.refilling = undefined;
      }
    })();
    return this.refilling;
  }

  /** Creates the labelled volume and the (not yet started) container. */
  private async prepare(
    request: Pick<SandboxRequest, 'runId' | 'image' | 'argv' | 'limits'>,
    kind: 'run' | 'pool',
    ttlMs = request.limits.timeoutMs + REAP_GRACE_MS,
  ): Promise<Prepared> {
    const labels = {
      [SANDBOX_LABEL]: kind,
      [RUN_ID_LABEL]: request.runId,
      [EXPIRES_LABEL]: String(Date.now() + ttlMs),
    };
    const volume = `codemyspec-${kind}-${request.runId}`;
    await this.docker.createVolume({ Name: volume, Labels: labels });
    const { limits } = request;
    const options: ContainerCreateOptions = {
      Image: request.image,
      Cmd: [...request.argv],
      WorkingDir: SANDBOX_WORKSPACE,
      User: `${SANDBOX_UID}:${SANDBOX_UID}`,
      Env: [
        'PATH=/usr/local/bin:/usr/bin:/bin',
        `HOME=${SANDBOX_SCRATCH}`,
        `TMPDIR=${SANDBOX_SCRATCH}`,
        'CI=1',
        'NO_COLOR=1',
      ],
      Labels: labels,
      NetworkDisabled: true,
      AttachStdout: true,
      AttachStderr: true,
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
    try {
      const container = await this.docker.createContainer(options);
      return { container, volume };
    } catch (error) {
      await this.docker
        .getVolume(volume)
        .remove()
        .catch(() => undefined);
      throw error;
    }
  }

  private async execute(
    prepared: Prepared,
    request: SandboxRequest,
    startedAt: number,
  ): Promise<SandboxResult> {
    const { container } = prepared;
    await container.putArchive(workspaceArchive(request.files), { path: SANDBOX_ROOT });

    // The first reason is the one recorded; the kill itself is sent every time it is asked for.
    // A kill the engine loses under load is sent again every second until the container is gone.
    let killedBy: FinishedRun['killedBy'] = null;
    let rekill: NodeJS.Timeout | undefined;
    const sendKill = () => void container.kill({ signal: 'SIGKILL' }).catch(() => undefined);
    const kill = (reason: 'timeout' | 'output_limit') => {
      killedBy ??= reason;
      sendKill();
      rekill ??= setInterval(sendKill, 1_000);
    };
    const capture = new OutputCapture(request.limits.outputBytes, () => kill('output_limit'));
    const demuxer = new DockerStreamDemuxer((_stream, payload) => capture.push(payload));

    // Attach and wait (condition next-exit) before start, so neither output nor the exit is missed.
    const attached = (await container.attach({
      stream: true,
      stdout: true,
      stderr: true,
    })) as unknown as Readable;
    const streamEnded = new Promise<void>((resolve) => {
      attached.on('data', (chunk: Buffer) => demuxer.push(chunk));
      attached.on('end', resolve);
      attached.on('close', resolve);
      attached.on('error', () => resolve());
    });
    const exited = container.wait({ condition: 'next-exit' }).catch(() => undefined);
    await container.start();
    const timer = setTimeout(() => kill('timeout'), request.limits.timeoutMs);
    try {
      await Promise.race([exited, streamEnded]);
    } finally {
      clearTimeout(timer);
      clearInterval(rekill);
    }
    const state = await this.finalState(container, killedBy !== null);
    const finishedAt = performance.now();
    attached.destroy();

    const report = await this.readReport(container);
    const { artifacts, skipped } = await this.collect(container, request);
    return sandboxResult({
      runId: request.runId,
      driver: this.driver,
      startedAt,
      finishedAt,
      exitCode: state.exitCode,
      killedBy,
      oomKilled: state.oomKilled,
      output: capture.text(),
      outputTruncated: capture.exceeded,
      report,
      artifacts,
      skippedArtifacts: skipped,
      runnerError: null,
    });
  }

  /** The exit as Docker recorded it (the attach stream can end a moment before the state is final). */
  private async finalState(
    container: Docker.Container,
    killed: boolean,
  ): Promise<{ exitCode: number | null; oomKilled: boolean }> {
    for (let attempt = 1; attempt <= 150; attempt += 1) {
      const info = await container.inspect();
      if (!info.State.Running && info.State.Status !== 'created') {
        return { exitCode: info.State.ExitCode, oomKilled: Boolean(info.State.OOMKilled) };
      }
      // A kill sent while the engine was busy can be lost: repeat it while the container runs on.
      if (killed && attempt % 10 === 0) await container.kill({ signal: 'SIGKILL' }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
    await container.kill({ signal: 'SIGKILL' }).catch(() => undefined);
    throw new Error('the container did not stop within 15 s of its end');
  }

  private async readReport(container: Docker.Container): Promise<string | null> {
    try {
      const archive = await streamToBuffer(
        await container.getArchive({ path: SANDBOX_REPORT_FILE }),
        16 * 1024 * 1024,
      );
      const { files } = readTar(archive, 16 * 1024 * 1024);
      return files[0]?.content.toString('utf8') ?? null;
    } catch {
      return null; // the command wrote no report
    }
  }

  /** Artifacts come out as tar streams; links and special files are listed, never followed. */
  private async collect(
    container: Docker.Container,
    request: SandboxRequest,
  ): Promise<{ artifacts: SandboxArtifact[]; skipped: { path: string; reason: string }[] }> {
    const artifacts: SandboxArtifact[] = [];
    const skipped: { path: string; reason: string }[] = [];
    let budget = request.limits.artifactBytes;
    for (const path of request.collect ?? []) {
      try {
        const stream = await container.getArchive({ path: `${SANDBOX_WORKSPACE}/${path}` });
        const archive = await streamToBuffer(stream, budget + 1024 * 1024);
        const read = readTar(archive, budget);
        // Entries are named from the basename of the requested path; rebase them on the workspace.
        const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
        for (const file of read.files) {
          budget -= file.content.length;
          artifacts.push({ path: `${parent}${file.path}`, content: file.content });
        }
        for (const s of read.skipped) skipped.push({ path: `${parent}${s.path}`, reason: s.reason });
      } catch (error) {
        skipped.push({
          path,
          reason: errorText(error).includes('larger than') ? 'over the artifact limit' : 'not found',
        });
      }
    }
    return { artifacts, skipped };
  }

  private async dispose(prepared: Prepared): Promise<void> {
    await prepared.container.remove({ force: true, v: true }).catch(() => undefined);
    await this.docker
      .getVolume(prepared.volume)
      .remove({ force: true })
      .catch(() => undefined);
  }

  /** Removes every labelled container and volume whose expiry has passed (leftovers of crashes). */
  async reap(nowMs: number = Date.now()): Promise<number> {
    let removed = 0;
    const containers = await this.docker.listContainers({ all: true, filters: { label: [SANDBOX_LABEL] } });
    for (const info of containers) {
      if (!isExpired(info.Labels, nowMs)) continue;
      await this.docker
        .getContainer(info.Id)
        .remove({ force: true, v: true })
        .then(
          () => (removed += 1),
          () => undefined,
        );
    }
    const { Volumes } = await this.docker.listVolumes({ filters: { label: [SANDBOX_LABEL] } });
    for (const volume of Volumes ?? []) {
      if (!isExpired(volume.Labels, nowMs)) continue;
      await this.docker
        .getVolume(volume.Name)
        .remove({ force: true })
        .then(
          () => (removed += 1),
          () => undefined,
        );
    }
    return removed;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.refilling;
    const pool = this.pool.splice(0);
    await Promise.all(pool.map((p) => this.dispose(p)));
  }
}
