import { pollUntil, retry, retryDelayMs } from './retry';

describe('retry', () => {
  it('grows the pause, caps it, and jitters within the upper half', () => {
    const backoff = { firstMs: 10, maxMs: 100 };
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a, backoff, () => 1))).toEqual([
      10, 20, 40, 80, 100, 100,
    ]);
    expect(retryDelayMs(3, backoff, () => 0)).toBe(20);
  });

  it('retries until success, and stops on a non-retryable error or after the attempts', async () => {
    let calls = 0;
    await expect(
      retry(async () => (++calls < 3 ? Promise.reject(new Error('busy')) : 'done'), {
        attempts: 5,
        firstMs: 1,
        maxMs: 1,
      }),
    ).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retry(async () => Promise.reject(new Error(`no ${++calls}`)), {
        attempts: 5,
        firstMs: 1,
        maxMs: 1,
        retryable: (e) => (e as Error).message !== 'no 2',
      }),
    ).rejects.toThrow('no 2');
    await expect(
      retry(async () => Promise.reject(new Error('x')), { attempts: 2, firstMs: 1, maxMs: 1 }),
    ).rejects.toThrow('x');
  });

  it('takes the pause an error asks for (capped), the back-off otherwise, and stops when aborted', async () => {
    const pauses: number[] = [];
    const sleep = async (ms: number) => {
      pauses.push(ms);
    };
    let calls = 0;
    const told = new Error('told');
    await expect(
      retry(async () => Promise.reject(++calls === 1 ? told : new Error('plain')), {
        attempts: 3,
        firstMs: 10,
        maxMs: 1_000,
        delayMs: (_attempt, error) => (error === told ? 5_000 : null),
        sleep,
      }),
    ).rejects.toThrow('plain');
    expect(pauses[0]).toBe(1_000);
    expect(pauses[1]).toBeGreaterThanOrEqual(10);
    expect(pauses[1]).toBeLessThanOrEqual(20);

    const controller = new AbortController();
    calls = 0;
    await expect(
      retry(
        async () => {
          calls += 1;
          return Promise.reject(new Error('busy'));
        },
        {
          attempts: 10,
          firstMs: 60_000,
          maxMs: 60_000,
          signal: controller.signal,
          sleep: async () => controller.abort(),
        },
      ),
    ).rejects.toThrow('busy');
    expect(calls).toBe(1);
  });

  it('polls until the probe says yes, or gives up at the timeout', async () => {
    let n = 0;
    expect(await pollUntil(async () => ++n >= 3, { timeoutMs: 1_000, firstMs: 1 })).toBe(true);
    expect(await pollUntil(async () => false, { timeoutMs: 30, firstMs: 5 })).toBe(false);
  });
});
