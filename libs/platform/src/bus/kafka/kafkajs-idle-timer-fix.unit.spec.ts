import {
  installKafkajsIdleTimerFix,
  kafkajsRequestQueueClass,
  nextPendingCheckDelay,
} from './kafkajs-idle-timer-fix';

interface TestQueue {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
  maybeThrottle(ms: number): void;
  push(request: {
    entry: { correlationId: number; resolve: () => void };
    expectResponse: boolean;
    sendRequest: () => void;
  }): void;
}

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function newQueue(): TestQueue {
  const RequestQueue = kafkajsRequestQueueClass() as unknown as new (options: object) => TestQueue;
  return new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'unit',
    broker: '127.0.0.1:9092',
    logger: silent,
  });
}

describe('nextPendingCheckDelay', () => {
  it('needs no check when nothing waits and no throttle is on', () => {
    expect(nextPendingCheckDelay(0, -1, 1_000_000)).toBeUndefined();
    expect(nextPendingCheckDelay(0, 999_999, 1_000_000)).toBeUndefined();
  });

  it('checks when a broker-requested throttle ends', () => {
    expect(nextPendingCheckDelay(0, 1_000_250, 1_000_000)).toBe(250);
    expect(nextPendingCheckDelay(3, 1_000_250, 1_000_000)).toBe(250);
  });

  it('checks waiting requests at kafkajs’ interval when not throttled', () => {
    expect(nextPendingCheckDelay(2, -1, 1_000_000)).toBe(10);
  });
});

describe('installKafkajsIdleTimerFix', () => {
  beforeAll(() => installKafkajsIdleTimerFix());

  it('is installed once, however often it is called', () => {
    const method = kafkajsRequestQueueClass().prototype.scheduleCheckPendingRequests;
    installKafkajsIdleTimerFix();
    expect(kafkajsRequestQueueClass().prototype.scheduleCheckPendingRequests).toBe(method);
  });

  it('leaves an idle connection without a timer (kafkajs re-armed a 1 ms one forever)', () => {
    const queue = newQueue();
    queue.checkPendingRequests(); // what every response from the broker triggers
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('still sends a request held back by a throttle once the throttle ends', async () => {
    const queue = newQueue();
    queue.maybeThrottle(40);
    let sent = 0;
    queue.push({
      entry: { correlationId: 1, resolve: () => undefined },
      expectResponse: false,
      sendRequest: () => sent++,
    });
    expect(sent).toBe(0);
    expect(queue.pending).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(sent).toBe(1);
    expect(queue.pending).toHaveLength(0);
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });
});
