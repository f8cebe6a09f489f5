import type { Identity } from '@app/domain';
import type { SqlExecutor } from '@app/platform';
import { canRead, DomainError, isUuid } from '@app/domain';
import type { LiveLlmCall } from './live-llm-call.lookup';
import type { TimelineRow } from './stream-rows';
import { sharedStreamRows } from './stream-rows';

export interface SessionProgressEvent {
  readonly sessionId: string;
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  /** The step the event is about (StepStarted, StepCompleted, LlmCallRecorded). */
  readonly step: string | null;
  readonly attempt: number | null;
  /** The session's status after this event. */
  readonly status: string;
  readonly detail: string | null;
  readonly data: unknown;
}

const TERMINAL: Record<string, string> = {
  SessionSucceeded: 'SUCCEEDED',
  SessionFailed: 'FAILED',
  SessionCancelled: 'CANCELLED',
};

function detailOf(type: string, data: Record<string, unknown>): string | null {
  switch (type) {
    case 'StepCompleted':
      return `${String(data.outcome)}: ${String(data.detail)}`;
    case 'LlmCallRecorded':
      return `${String(data.model)}: ${String(data.promptTokens)} prompt + ${String(data.completionTokens)} completion tokens`;
    case 'SessionFailed':
      return String(data.reason);
    case 'SessionSucceeded':
      return String(data.summary);
    case 'SessionCancelled':
      return `cancelled by ${String(data.by)}`;
    default:
      return null;
  }
}

/** How often a subscription asks for the tokens of a streaming call (only while no event arrives). */
const LIVE_EVERY_MS = 1_000;
/** With notifications, an idle subscription looks again this often only as a safety net. */
const IDLE_WAKE_MS = 5_000;
/** Steps that call the LLM: while one runs, its streaming tokens are worth asking for. */
const LLM_STEP = /^(generate_|revise_|fix_)/;

/** Not an event of the stream: the tokens of the call streaming now (its version is the last event's). */
function liveEvent(
  sessionId: string,
  version: number,
  status: string,
  live: LiveLlmCall,
): SessionProgressEvent {
  const [step, attempt] = live.step.split('#');
  return {
    sessionId,
    version,
    type: 'LlmCallStreaming',
    occurredAt: new Date().toISOString(),
    step,
    attempt: Number(attempt) || null,
    status,
    detail: `${live.tokens} tokens so far in ${(live.elapsedMs / 1000).toFixed(1)} s (estimated)`,
    data: live,
  };
}

/**
 * One session's events as they arrive on the audit timeline (a read model fed by the bus), from
 * its first event, ending after the one that ends the session. The project must be visible to
 * the identity, else NOT_FOUND (as everywhere).
 */
export async function* sessionProgress(
  sql: SqlExecutor,
  identity: Identity,
  sessionId: string,
  options: {
    pollMs?: number;
    firstEventWithinMs?: number;
    signal?: AbortSignal;
    /** Where to ask for the LLM call streaming now (tokens so far), between events. */
    live?: (sessionId: string) => Promise<LiveLlmCall | null>;
    /** Reads a stream's rows after a version (shared by the subscribers of one server). */
    rows?: (streamId: string, after: number) => Promise<TimelineRow[]>;
    /** Resolves when the stream gets an event (or after the time given): push instead of a poll. */
    wake?: (streamId: string, timeoutMs: number, signal?: AbortSignal) => Promise<void>;
  } = {},
): AsyncGenerator<SessionProgressEvent> {
  const notFound = () =>
    new DomainError('NOT_FOUND', `session ${sessionId} was not found`, { id: sessionId });
  if (!isUuid(sessionId)) throw notFound();
  const stream = `session-${sessionId}`;
  const pollMs = options.pollMs ?? 200;
  const firstDeadline = Date.now() + (options.firstEventWithinMs ?? 10_000);
  let after = 0;
  let status = 'RUNNING';
  let lastLive = 0;
  let liveTokens = -1;
  let inLlmStep = false;
  const readRows = options.rows ?? sharedStreamRows(sql);
  while (!options.signal?.aborted) {
    const rows = await readRows(stream, after);
    if (after === 0 && rows.length === 0 && Date.now() > firstDeadline) throw notFound();
    for (const row of rows) {
      if (after === 0 && (!row.project_id || !canRead(identity, row.project_id))) throw notFound();
      // Positions arrive in order per stream (the consumer applies them gap-free).
      if (row.version !== after + 1) break;
      after = row.version;
      status = TERMINAL[row.type] ?? status;
      inLlmStep = row.type === 'StepStarted' && LLM_STEP.test(String(row.data.step));
      yield {
        sessionId,
        version: row.version,
        type: row.type,
        occurredAt: new Date(row.occurred_at).toISOString(),
        step: typeof row.data.step === 'string' ? row.data.step : null,
        attempt: typeof row.data.attempt === 'number' ? row.data.attempt : null,
        status,
        detail: detailOf(row.type, row.data),
        data: row.data,
      };
      if (TERMINAL[row.type]) return;
    }
    if (rows.length === 0 && inLlmStep && options.live && Date.now() - lastLive >= LIVE_EVERY_MS) {
      lastLive = Date.now();
      const live = await options.live(sessionId);
      if (live && live.tokens > 0 && live.tokens !== liveTokens) {
        liveTokens = live.tokens;
        yield liveEvent(sessionId, after, status, live);
      }
    }
    if (rows.length >= 200) continue;
    if (options.wake)
      await options.wake(stream, inLlmStep && options.live ? LIVE_EVERY_MS : IDLE_WAKE_MS, options.signal);
    else await new Promise((r) => setTimeout(r, pollMs));
  }
}
