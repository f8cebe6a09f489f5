import { mkdir } from 'node:fs/promises';
import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import Docker from 'dockerode';
import { DomainError } from '@app/domain';
import type { SandboxSettings } from './sandbox-settings';
import { SANDBOX_SETTINGS } from './sandbox-settings';
import { BubblewrapSandbox, bubblewrapAvailable } from './bubblewrap/bubblewrap-sandbox';
import { DockerSandbox } from './docker/docker-sandbox';
import type { Sandbox, SandboxRequest, SandboxResult } from './sandbox.port';

const REAP_INTERVAL_MS = 5 * 60_000;

/** What makes a sandbox available on Debian/Ubuntu, said with every refusal. */
export const SANDBOX_FIX =
  'to run tests, install bubblewrap (apt-get install bubblewrap) or start Docker with the sandbox image (scripts/infra/build-sandbox-image.sh); no restart is needed';

export class SandboxUnavailableError extends DomainError {
  constructor(reason: string) {
    super(
      'SANDBOX_UNAVAILABLE',
      reason === 'SANDBOX_DRIVER=none'
        ? 'no sandbox can run tests here: SANDBOX_DRIVER=none'
        : `no sandbox can run tests here: ${reason}; ${SANDBOX_FIX}`,
    );
  }
}

/** Replaces how a driver is looked for (tests: a machine where none is installed yet). */
export const SANDBOX_CHOOSER = Symbol('SANDBOX_CHOOSER');

/** A driver that was missing is looked for again at most this often, when a run needs one. */
const REDETECT_MS = 5_000;

/** Chooses the driver at start-up (Docker when an engine answers and has the image, else bubblewrap). */
export async function chooseSandbox(
  settings: SandboxSettings,
  log: (message: string) => void,
): Promise<Sandbox | string> {
  const { driver, image, workRoot, warmPool, limits } = settings;
  if (driver === 'none') return 'SANDBOX_DRIVER=none';
  const reasons: string[] = [];
  if (driver === 'auto' || driver === 'docker') {
    const docker = new Docker();
    try {
      await docker.ping();
      await docker.getImage(image).inspect();
      return new DockerSandbox({
        docker,
        warmPoolSize: warmPool,
        warm: { image, limits },
        log,
      });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      reasons.push(
        /no such image/i.test(text) ? `Docker has no image ${image}` : `no Docker engine answers (${text})`,
      );
    }
  }
  if (driver === 'auto' || driver === 'bubblewrap') {
    if (bubblewrapAvailable()) {
      await mkdir(workRoot, { recursive: true, mode: 0o755 });
      return new BubblewrapSandbox({ workRoot, log });
    }
    reasons.push('bubblewrap is not installed or cannot create namespaces');
  }
  return reasons.join('; ');
}

/**
 * The service's sandbox: chosen at start-up (and again on demand while there is none), runs limited to SANDBOX_CONCURRENCY at a time (the rest
 * queue), leftovers reaped at start-up and every few minutes.
 */
@Injectable()
export class SandboxProvider implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Sandbox');
  private sandbox: Sandbox | undefined;
  private unavailable = 'not started';
  private lastDetection = 0;
  private detecting: Promise<void> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private reaper: NodeJS.Timeout | undefined;

  constructor(
    @Inject(SANDBOX_SETTINGS) private readonly settings: SandboxSettings,
    @Optional() @Inject(SANDBOX_CHOOSER) private readonly choose: typeof chooseSandbox = chooseSandbox,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.detect();
  }

  /** Looks for a driver; remembers why there is none. */
  private async detect(): Promise<void> {
    this.lastDetection = Date.now();
    const chosen = await this.choose(this.settings, (m) => this.logger.warn(m));
    if (typeof chosen === 'string') {
      this.unavailable = chosen;
      this.logger.warn(`test runs are refused (SANDBOX_UNAVAILABLE): ${chosen}`);
      return;
    }
    this.sandbox = chosen;
    const reaped = await chosen.reap().catch(() => 0);
    this.logger.log(`sandbox driver: ${chosen.driver}${reaped ? ` (removed ${reaped} leftovers)` : ''}`);
    if (chosen instanceof DockerSandbox) void chosen.warmUp();
    this.reaper = setInterval(() => void chosen.reap().catch(() => 0), REAP_INTERVAL_MS);
    this.reaper.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reaper);
    await this.sandbox?.close();
  }

  get driver(): string | null {
    return this.sandbox?.driver ?? null;
  }

  /**
   * The sandbox, looked for again when there was none (bubblewrap installed or Docker started
   * since); throws SANDBOX_UNAVAILABLE saying why and what fixes it.
   */
  async available(): Promise<Sandbox> {
    const canRedetect = this.settings.driver !== 'none' && Date.now() - this.lastDetection >= REDETECT_MS;
    if (!this.sandbox && canRedetect) {
      this.detecting ??= this.detect().finally(() => (this.detecting = null));
      await this.detecting;
    }
    if (!this.sandbox) throw new SandboxUnavailableError(this.unavailable);
    return this.sandbox;
  }

  async run(request: SandboxRequest): Promise<SandboxResult> {
    const sandbox = await this.available();
    // A finishing run hands its slot straight to the next waiter, so the limit is never exceeded.
    if (this.running >= this.settings.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await sandbox.run(request);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
