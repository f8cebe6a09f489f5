import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { DockerStreamDemuxer, OutputCapture } from '../output-capture';
import { EXPIRES_LABEL, isExpired, REAP_GRACE_MS, RUN_ID_LABEL, SANDBOX_LABEL } from '../sandbox-labels';
import { runnerFailure, sandboxResult } from '../sandbox-result';
import type { FinishedRun } from '../sandbox-result';
import { fullThreshold } from '../disk-quota';
import { SANDBOX_ROOT } from '../sandbox.port';
import { collectArtifacts, readReport } from './docker-archive';
import type { Sandbox, SandboxRequest, SandboxResult } from '../sandbox.port';
import {
  containerOptions,
  execOptions,
  FREE_SPACE_PROBE,
  freeBytesOf,
  volumeOptions,
} from './docker-container';
import { workspaceArchive } from '../workspace-archive';

export interface DockerSandboxOptions {
  readonly docker: Docker;
  /** Pre-created containers for requests that match `warm` (0 turns the pool off). */
  readonly warmPoolSize?: number;
  /** The request shape the pool prepares containers for (image, argv, limits). */
  readonly warm?: Pick<SandboxRequest, 'image' | 'limits'>;
  readonly log?: (message: string) => void;
}

interface Prepared {
  readonly container: Docker.Container;
  readonly volume: string;
}

const POOL_TTL_MS = 60 * 60_000;

/** An exec's hijacked stream (dockerode types it as any). */
function startExec(exec: Docker.Exec): Promise<Readable> {
  return exec.start({ hijack: true, stdin: false });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Containers differ by image and limits only: the command is an exec, chosen per run. */
function shapeKey(shape: Pick<SandboxRequest, 'image' | 'limits'>): string {
  return JSON.stringify([shape.image, shape.limits]);
}

/**
 * One container per run (docker-container.ts has its lock-down), started with a holder process
 * and a tmpfs volume of the run's disk quota at /sandbox. The files go in with putArchive, the
 * test command runs as an exec as the sandbox user, and the report and artifacts come out with
 * getArchive while the container still lives (a tmpfs volume is gone once nothing uses it). The
 * runner kills the container on its wall-clock or output limit and records that the kill was its
 * own; the container and its volume are removed afterwards. A warm pool keeps started containers.
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
      // The result does not wait for the removal (≈ 50 ms); `settled()` and `close()` do.
      if (prepared) this.disposeLater(prepared);
      if (this.options.warmPoolSize) void this.refill();
    }
  }

  private readonly disposing = new Set<Promise<void>>();

  private disposeLater(prepared: Prepared): void {
    const removal = this.dispose(prepared).finally(() => this.disposing.delete(removal));
    this.disposing.add(removal);
  }

  /** Resolves once every finished run's container and volume are removed. */
  async settled(): Promise<void> {
    while (this.disposing.size > 0) await Promise.all([...this.disposing]);
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

  /** Creates the labelled tmpfs volume and the container, and starts it (it waits for its exec). */
  private async prepare(
    request: Pick<SandboxRequest, 'runId' | 'image' | 'limits'>,
    kind: 'run' | 'pool',
    ttlMs = request.limits.timeoutMs + REAP_GRACE_MS,
  ): Promise<Prepared> {
    const labels = {
      [SANDBOX_LABEL]: kind,
      [RUN_ID_LABEL]: request.runId,
      [EXPIRES_LABEL]: String(Date.now() + ttlMs),
    };
    const volume = `codemyspec-${kind}-${request.runId}`;
    await this.docker.createVolume(volumeOptions(volume, labels, request.limits));
    let container: Docker.Container | undefined;
    try {
      container = await this.docker.createContainer(
        containerOptions(request.image, volume, labels, request.limits),
      );
      await container.start();
      return { container, volume };
    } catch (error) {
      await container?.remove({ force: true, v: true }).catch(() => undefined);
      await this.docker
        .getVolume(volume)
        .remove()
        .catch(() => undefined);
      throw new Error(`could not start the sandbox container: ${errorText(error)}`, { cause: error });
    }
  }

  private async execute(
    prepared: Prepared,
    request: SandboxRequest,
    startedAt: number,
  ): Promise<SandboxResult> {
    const { container } = prepared;
    await container.putArchive(await workspaceArchive(request.files), { path: SANDBOX_ROOT });

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
    const exec = await container.exec(execOptions(request.argv));
    const stream = await startExec(exec);
    const demuxer = new DockerStreamDemuxer((_stream, payload) => capture.push(payload));
    const timer = setTimeout(() => kill('timeout'), request.limits.timeoutMs);
    try {
      await new Promise<void>((resolve) => {
        stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
        stream.on('end', resolve);
        stream.on('close', resolve);
        stream.on('error', () => resolve());
      });
    } finally {
      clearTimeout(timer);
    }
    const exitCode = killedBy ? 137 : await this.execExit(exec);
    const finishedAt = performance.now();
    stream.destroy();
    // A killed run's container is gone, and its tmpfs with it: nothing is left to read.
    const killedSkips = (request.collect ?? []).map((path) => ({ path, reason: 'the run was killed' }));
    const [report, { artifacts, skipped }, diskFull] = killedBy
      ? [null, { artifacts: [], skipped: killedSkips }, false]
      : await Promise.all([
          readReport(container),
          collectArtifacts(container, request),
          exitCode === 0 ? this.diskFull(container, request.limits.diskBytes) : Promise.resolve(false),
        ]);
    // The kernel's OOM kill of the test process shows on the container once the container stops.
    const oomKilled = !killedBy && exitCode === 137 && (await this.stoppedOomKilled(container));
    clearInterval(rekill);
    return sandboxResult({
      runId: request.runId,
      driver: this.driver,
      startedAt,
      finishedAt,
      exitCode,
      killedBy,
      oomKilled,
      diskFull,
      output: capture.text(),
      outputTruncated: capture.exceeded,
      report,
      artifacts,
      skippedArtifacts: skipped,
      runnerError: null,
    });
  }

  /** The exec's exit code (its stream can end a moment before the engine records it). */
  private async execExit(exec: Docker.Exec): Promise<number | null> {
    for (let attempt = 1; attempt <= 150; attempt += 1) {
      const info = await exec.inspect();
      if (!info.Running) return info.ExitCode ?? null;
      await new Promise((r) => setTimeout(r, attempt < 10 ? 10 : 100));
    }
    throw new Error('the test command did not report its exit within 15 s of its end');
  }

  /** Stops the container and tells whether the kernel OOM-killed something in it. */
  private async stoppedOomKilled(container: Docker.Container): Promise<boolean> {
    await container.kill({ signal: 'SIGKILL' }).catch(() => undefined);
    for (let attempt = 1; attempt <= 150; attempt += 1) {
      const info = await container.inspect();
      if (!info.State.Running) return Boolean(info.State.OOMKilled);
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }

  /** Whether less than a sliver of the run's tmpfs is free (the image's node measures it). */
  private async diskFull(container: Docker.Container, diskBytes: number): Promise<boolean> {
    try {
      const exec = await container.exec({ ...execOptions(FREE_SPACE_PROBE), WorkingDir: SANDBOX_ROOT });
      const stream = await startExec(exec);
      let out = '';
      const demuxer = new DockerStreamDemuxer((kind, payload) => {
        if (kind === 'stdout') out += payload.toString('utf8');
      });
      await new Promise<void>((resolve) => {
        stream.on('data', (chunk: Buffer) => demuxer.push(chunk));
        stream.on('end', resolve);
        stream.on('close', resolve);
        stream.on('error', () => resolve());
      });
      const free = freeBytesOf(out);
      return free !== null && free < fullThreshold(diskBytes);
    } catch {
      return false; // an image without `stat`: only an ENOSPC the run reported tells
    }
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
    await this.settled();
  }
}
