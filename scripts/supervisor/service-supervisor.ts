import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { ServiceName } from '@app/platform';
import type { RestartPolicy } from './restart-policy';
import { decideRestart, DEFAULT_RESTART_POLICY } from './restart-policy';

export interface SupervisedService {
  readonly name: ServiceName;
  readonly port: number;
  readonly script: string;
  readonly env: NodeJS.ProcessEnv;
}

interface Running {
  child: ChildProcess;
  readonly crashes: number[];
}

/**
 * Runs each service as a child process and keeps it running: a service that exits on its own is
 * started again after a back-off (its reason logged), and only a service that keeps crashing
 * (see `RestartPolicy`) makes the supervisor give up and stop the whole system, saying why.
 */
export class ServiceSupervisor {
  private readonly running = new Map<ServiceName, Running>();
  private stopping = false;

  constructor(
    private readonly log: (message: string) => void,
    private readonly onGiveUp: (service: ServiceName) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly formatLine: (service: string, line: string) => string = (service, line) =>
      `[${service}] ${line}`,
  ) {}

  /** Starts the service and resolves once it answers /health/ready. */
  async start(service: SupervisedService): Promise<void> {
    const entry: Running = { child: this.spawn(service), crashes: [] };
    this.running.set(service.name, entry);
    await waitUntilReady(service.name, service.port, () => entry.child.exitCode !== null);
  }

  /** Stops every service (SIGTERM, then SIGKILL after 10 s); no restart happens after this. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.values()].map((entry) => terminate(entry.child)));
  }

  private spawn(service: SupervisedService): ChildProcess {
    const child = spawn(process.execPath, [service.script], {
      env: service.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    forwardLines(child, service.name, this.formatLine);
    this.log(`${service.name} started (pid ${child.pid}, port ${service.port})`);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.restartLater(service, signal ?? `code ${code}`);
    });
    return child;
  }

  private restartLater(service: SupervisedService, why: string): void {
    const entry = this.running.get(service.name);
    if (!entry) return;
    const now = Date.now();
    entry.crashes.push(now);
    const decision = decideRestart(entry.crashes, now, this.policy);
    if (decision.action === 'give-up') {
      this.log(
        `${service.name} exited (${why}) for the ${decision.crashesInWindow}th time within ${this.policy.windowMs / 1000} s; giving up and stopping everything (see its log above)`,
      );
      this.onGiveUp(service.name);
      return;
    }
    this.log(`${service.name} exited (${why}); restarting it in ${decision.delayMs} ms`);
    setTimeout(() => {
      if (this.stopping) return;
      entry.child = this.spawn(service);
      waitUntilReady(service.name, service.port, () => entry.child.exitCode !== null).then(
        () => this.log(`${service.name} is back`),
        (error: unknown) =>
          this.log(`${service.name}: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, decision.delayMs);
  }
}

async function waitUntilReady(service: ServiceName, port: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`${service} exited before it became ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service} did not become ready on port ${port} within 60 s`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function forwardLines(
  child: ChildProcess,
  service: string,
  format: (service: string, line: string) => string,
): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${format(service, line)}\n`);
    });
  }
}
