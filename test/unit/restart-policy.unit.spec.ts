import { decideRestart } from '../../scripts/supervisor/restart-policy';

const policy = { maxCrashes: 4, windowMs: 60_000, firstDelayMs: 500, maxDelayMs: 3_000 };

describe('decideRestart', () => {
  it('restarts a crashed service with a doubling back-off', () => {
    const t = 1_000_000;
    expect(decideRestart([t], t, policy)).toEqual({ action: 'restart', delayMs: 500, crashesInWindow: 1 });
    expect(decideRestart([t, t + 1_000], t + 1_000, policy)).toMatchObject({ delayMs: 1_000 });
    expect(decideRestart([t, t + 1, t + 2], t + 2, policy)).toMatchObject({ delayMs: 2_000 });
  });

  it('gives up after too many crashes in the window', () => {
    const t = 1_000_000;
    expect(decideRestart([t, t + 1, t + 2, t + 3], t + 3, policy)).toEqual({
      action: 'give-up',
      crashesInWindow: 4,
    });
  });

  it('forgets crashes older than the window', () => {
    const t = 1_000_000;
    const decision = decideRestart([t, t + 1, t + 2, t + 120_000], t + 120_000, policy);
    expect(decision).toEqual({ action: 'restart', delayMs: 500, crashesInWindow: 1 });
  });

  it('caps the back-off', () => {
    const t = 1_000_000;
    const big = { ...policy, maxCrashes: 100 };
    expect(
      decideRestart(
        Array.from({ length: 10 }, (_, i) => t + i),
        t + 10,
        big,
      ),
    ).toMatchObject({ delayMs: 3_000 });
  });
});
