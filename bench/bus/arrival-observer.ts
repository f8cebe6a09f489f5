import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ObserverCommand, ObserverReply, ObserverSettings } from './arrival-observer-protocol';
import { ARRIVALS_CHANNEL } from './latency-projection';

/** The main thread's handle on the arrival observer thread: the latencies heard so far, by probe. */
export class ArrivalObserver {
  private readonly latencyBySeq = new Map<number, number>();
  private readonly waiting: ((reply: ObserverReply) => void)[] = [];
  private failure: string | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ObserverReply) => {
      if (reply.type === 'failed') this.failure = reply.message;
      this.waiting.shift()?.(reply);
    });
    worker.on('error', (error: Error) => {
      const message = error.message;
      this.failure = message;
      for (const resolve of this.waiting.splice(0)) resolve({ type: 'failed', message });
    });
  }

  static async start(url: string): Promise<ArrivalObserver> {
    const settings: ObserverSettings = { url, channel: ARRIVALS_CHANNEL };
    const observer = new ArrivalObserver(
      new Worker(join(__dirname, 'arrival-observer.worker.js'), { workerData: settings }),
    );
    const first = await observer.nextReply();
    if (first.type !== 'listening') {
      await observer.worker.terminate();
      throw new Error(`arrival observer did not start: ${observer.failure ?? first.type}`);
    }
    return observer;
  }

  /** Fetches what the observer heard since the last call. */
  async collect(): Promise<void> {
    const reply = await this.request({ type: 'take' });
    if (reply.type !== 'arrivals') throw new Error(`arrival observer: ${this.failure ?? reply.type}`);
    for (let i = 0; i < reply.seqs.length; i++) {
      // A probe redelivered after a crash would notify again; its first arrival is the one that counts.
      if (!this.latencyBySeq.has(reply.seqs[i])) this.latencyBySeq.set(reply.seqs[i], reply.latencies[i]);
    }
  }

  latencyOf(seq: number): number | undefined {
    return this.latencyBySeq.get(seq);
  }

  async close(): Promise<void> {
    await this.request({ type: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }

  private request(command: ObserverCommand): Promise<ObserverReply> {
    const reply = this.nextReply();
    this.worker.postMessage(command);
    return reply;
  }

  private nextReply(): Promise<ObserverReply> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
