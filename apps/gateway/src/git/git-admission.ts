/** Why a request was not admitted: the queue is full, or it waited too long. */
export class GitBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('the git record is busy: too many clones and fetches at once; try again shortly');
    this.name = 'GitBusyError';
  }
}

interface Waiter {
  readonly start: () => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * At most `maxActive` git exchanges at a time, and at most `maxQueued` waiting for a turn (each no
 * longer than `maxWaitMs`); anything beyond is refused at once with GitBusyError, never left to
 * time out inside. What a request does once admitted (sign its identity, call the sessions
 * service) starts only then, so time spent waiting never makes a valid token look expired.
 */
export class GitAdmission {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly maxActive: number,
    private readonly maxQueued: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Resolves with a release function once the request may go ahead. */
  admit(): Promise<() => void> {
    if (this.active < this.maxActive) return Promise.resolve(this.take());
    if (this.waiting.length >= this.maxQueued) return Promise.reject(new GitBusyError(1));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => resolve(this.take()),
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(new GitBusyError(Math.ceil(this.maxWaitMs / 1000)));
        }, this.maxWaitMs),
      };
      waiter.timer.unref();
      this.waiting.push(waiter);
    });
  }

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private take(): () => void {
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.start();
      }
    };
  }
}
