import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { BenchSettings } from './bench-settings';
import type {
  BenchPhase,
  ContenderCommand,
  ContenderMessage,
  PhaseResult,
  SeedResult,
} from './bench-protocol';
import { CONTENDER_JOB_ENV, isContenderMessage } from './bench-protocol';
import type { ContenderName } from './contender';

/** The bench's handle on one contender process: one command at a time, each answered once. */
export class ContenderClient {
  private pending:
    { resolve: (message: ContenderMessage) => void; reject: (error: Error) => void } | undefined;
  private exited: Error | undefined;

  private constructor(
    readonly name: ContenderName,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: unknown) => {
      if (!isContenderMessage(message)) return;
      const pending = this.pending;
      this.pending = undefined;
      if (message.type === 'error') pending?.reject(new Error(`${name}: ${message.message}`));
      else pending?.resolve(message);
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`${name} process exited (${code ?? signal})`);
      this.pending?.reject(this.exited);
      this.pending = undefined;
    });
  }

  /** Starts the process; it resolves once the contender is connected and its schema exists. */
  static async start(name: ContenderName, url: string, settings: BenchSettings): Promise<ContenderClient> {
    const child = fork(join(__dirname, 'contender-process.js'), [], {
      env: { ...process.env, [CONTENDER_JOB_ENV]: JSON.stringify({ contender: name, url, settings }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const client = new ContenderClient(name, child);
    await client.next('ready');
    return client;
  }

  async seed(): Promise<SeedResult> {
    const message = await this.request({ type: 'seed' }, 'seeded');
    if (message.type !== 'seeded') throw new Error(`${this.name}: unexpected ${message.type}`);
    return message.seed;
  }

  async measure(phase: BenchPhase): Promise<PhaseResult> {
    const message = await this.request({ type: 'measure', phase }, 'result');
    if (message.type !== 'result') throw new Error(`${this.name}: unexpected ${message.type}`);
    return message.result;
  }

  /** Closes the contender's pools and waits for its process to end (ending it after 10 s). */
  async close(): Promise<void> {
    if (this.exited) return;
    const ended = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => this.child.kill(), 10_000);
    await this.request({ type: 'close' }, 'closed').catch(() => this.child.kill());
    await ended;
    clearTimeout(timer);
  }

  private request(command: ContenderCommand, expected: ContenderMessage['type']): Promise<ContenderMessage> {
    const answer = this.next(expected);
    this.child.send(command);
    return answer;
  }

  private next(expected: ContenderMessage['type']): Promise<ContenderMessage> {
    if (this.exited) return Promise.reject(this.exited);
    if (this.pending) return Promise.reject(new Error(`${this.name}: a command is still running`));
    return new Promise((resolve, reject) => {
      this.pending = {
        resolve: (message) =>
          message.type === expected
            ? resolve(message)
            : reject(new Error(`${this.name}: expected ${expected}, got ${message.type}`)),
        reject,
      };
    });
  }
}
