import { Injectable } from '@nestjs/common';
import type { LlmProgress } from '../llm/llm.port';

/** A streamed LLM call in flight: which step, the tokens so far (estimated), the time. */
export interface LiveCall extends LlmProgress {
  readonly step: string;
}

/**
 * The LLM calls this instance is streaming right now, by session: what a person watching a
 * session sees arrive before the call is recorded. Kept in memory only — the ledger records the
 * finished call.
 */
@Injectable()
export class LiveCalls {
  private readonly calls = new Map<string, LiveCall>();

  /** `key` is `<sessionId>/<step>#<attempt>`. */
  reporter(key: string): (progress: LlmProgress) => void {
    const step = key.slice(key.indexOf('/') + 1);
    this.calls.set(key, { step, tokens: 0, elapsedMs: 0 });
    return (progress) => this.calls.set(key, { step, ...progress });
  }

  end(key: string): void {
    this.calls.delete(key);
  }

  of(sessionId: string): LiveCall | null {
    for (const [key, call] of this.calls) if (key.startsWith(`${sessionId}/`)) return call;
    return null;
  }
}
