import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CONSUMER_SPEC_ENV } from './consumer-protocol';
import type { ConsumerCommand, ConsumerReply, ConsumerSpec } from './consumer-protocol';

/** The bench's handle on service B (a child process running `consumer.process`). */
export class ConsumerProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
  ) {}

  /** Forks the consumer and resolves once it is ready (Kafka: joined its group). */
  static async start(spec: ConsumerSpec, timeoutMs = 60_000): Promise<ConsumerProcess> {
    const child = fork(join(__dirname, 'consumer.process.js'), [], {
      env: { ...process.env, [CONSUMER_SPEC_ENV]: JSON.stringify(spec) },
      // Its output (kafkajs warnings) goes to our stderr: stdout carries only the report.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const handle = new ConsumerProcess(child, exited);
    const reply = await handle.nextReply(timeoutMs, `${spec.name} to get ready`);
    if (reply.type !== 'ready') {
      child.kill('SIGKILL');
      throw new Error(
        `consumer ${spec.name} failed to start: ${reply.type === 'failed' ? reply.message : reply.type}`,
      );
    }
    return handle;
  }

  /** Asks it to stop (leave the group, close the pool); kills it if that takes longer than `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const stopped = this.nextReply(graceMs, 'the consumer to stop').catch(() => undefined);
    this.child.send({ type: 'stop' } satisfies ConsumerCommand);
    await stopped;
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
    await this.exited;
    clearTimeout(killer);
  }

  private nextReply(timeoutMs: number, what: string): Promise<ConsumerReply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const onMessage = (reply: ConsumerReply) => {
        cleanup();
        resolve(reply);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        reject(new Error(`consumer exited (code ${code}, signal ${signal}) while waiting for ${what}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
    });
  }
}
