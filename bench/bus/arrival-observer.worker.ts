import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { epochMs } from './bench-clock';
import type { ObserverCommand, ObserverReply, ObserverSettings } from './arrival-observer-protocol';

/**
 * The arrival observer, in its own thread so that the writer's and the relay's work on the main
 * thread cannot delay it: it LISTENs on the arrivals channel and stamps each notification the
 * moment it is read (latency = that stamp − the probe's scheduled send time).
 */
async function observe(settings: ObserverSettings): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('arrival-observer.worker must run as a worker thread');
  const reply = (message: ObserverReply) => port.postMessage(message);
  const client = new Client({ connectionString: settings.url });
  let seqs: number[] = [];
  let latencies: number[] = [];
  client.on('notification', (notification) => {
    const receivedMs = epochMs();
    if (notification.channel !== settings.channel || !notification.payload) return;
    const [seq, sentMs] = notification.payload.split(' ').map(Number);
    seqs.push(seq);
    latencies.push(receivedMs - sentMs);
  });
  await client.connect();
  await client.query(`LISTEN ${settings.channel}`);
  port.on('message', (command: ObserverCommand) => {
    switch (command.type) {
      case 'take':
        reply({ type: 'arrivals', seqs, latencies });
        seqs = [];
        latencies = [];
        break;
      case 'close':
        client.end().then(
          () => reply({ type: 'closed' }),
          () => reply({ type: 'closed' }),
        );
        break;
    }
  });
  reply({ type: 'listening' });
}

observe(workerData as ObserverSettings).catch((error: unknown) => {
  parentPort?.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies ObserverReply);
});
