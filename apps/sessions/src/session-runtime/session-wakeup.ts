import { Injectable } from '@nestjs/common';

/**
 * A doorbell between whoever starts sessions and the worker that drives them: ringing it makes the
 * worker look for work now instead of at its next poll. It keeps the two from depending on each
 * other (the worker's steps start child sessions).
 */
@Injectable()
export class SessionWakeup {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ring(): void {
    for (const listener of this.listeners) setImmediate(listener);
  }
}
