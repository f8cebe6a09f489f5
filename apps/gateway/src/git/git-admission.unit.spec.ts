import { GitAdmission, GitBusyError } from './git-admission';

describe('GitAdmission', () => {
  afterEach(() => jest.useRealTimers());

  it('admits up to the limit at once and the rest in order as turns free up', async () => {
    const admission = new GitAdmission(2, 10, 60_000);
    const first = await admission.admit();
    await admission.admit();
    const order: string[] = [];
    const third = admission.admit().then((release) => (order.push('third'), release));
    const fourth = admission.admit().then((release) => (order.push('fourth'), release));
    expect(admission.load).toEqual({ active: 2, waiting: 2 });
    first();
    first(); // releasing twice frees one turn only
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect(admission.load).toEqual({ active: 2, waiting: 0 });
  });

  it('refuses at once, with a retry hint, when the queue is full', async () => {
    const admission = new GitAdmission(1, 1, 60_000);
    await admission.admit();
    const queued = admission.admit();
    await expect(admission.admit()).rejects.toEqual(expect.any(GitBusyError));
    await expect(admission.admit()).rejects.toMatchObject({ retryAfterSeconds: 1 });
    expect(admission.load.waiting).toBe(1);
    void queued.catch(() => undefined);
  });

  it('refuses a request that waited too long, and forgets it', async () => {
    jest.useFakeTimers();
    const admission = new GitAdmission(1, 5, 3_000);
    const release = await admission.admit();
    const late = admission.admit();
    jest.advanceTimersByTime(3_000);
    await expect(late).rejects.toMatchObject({ retryAfterSeconds: 3 });
    expect(admission.load).toEqual({ active: 1, waiting: 0 });
    release();
    expect(admission.load.active).toBe(0);
  });
});
