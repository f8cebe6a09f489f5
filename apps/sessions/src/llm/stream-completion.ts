import type OpenAI from 'openai';
import type { RawCompletion } from './completion-reader';
import { addChunk, emptyCompletion } from './completion-reader';
import type { LlmProgress } from './llm.port';

/** A stream that sent nothing for its stall limit. */
export class StreamStalledError extends Error {
  constructor(ms: number) {
    super(`the reply stream stalled: nothing arrived for ${ms} ms`);
    this.name = 'StreamStalledError';
  }
}

const PROGRESS_EVERY_MS = 250;

/**
 * One streamed completion, accumulated chunk by chunk. A stream that goes quiet for
 * `stallTimeoutMs` once it has started is abandoned (the caller retries it); progress (an estimate
 * of the tokens so far, and the time) is reported as the chunks arrive.
 */
export async function streamCompletion(
  client: OpenAI,
  body: Record<string, unknown>,
  options: { signal?: AbortSignal; stallTimeoutMs: number; onProgress?: (progress: LlmProgress) => void },
): Promise<RawCompletion> {
  const controller = new AbortController();
  const forward = () => controller.abort();
  options.signal?.addEventListener('abort', forward);
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, options.stallTimeoutMs);
  };
  const started = performance.now();
  let reported = 0;
  try {
    const stream = await client.chat.completions.create({ ...body, stream: true } as never, {
      signal: controller.signal,
    });
    const raw = emptyCompletion();
    arm();
    if (!isAsyncIterable(stream)) throw new Error('the endpoint did not answer with a stream');
    for await (const chunk of stream) {
      arm();
      addChunk(raw, chunk as Record<string, unknown>);
      const elapsedMs = performance.now() - started;
      if (options.onProgress && elapsedMs - reported >= PROGRESS_EVERY_MS) {
        reported = elapsedMs;
        const chars =
          raw.content.length +
          raw.reasoning.length +
          raw.toolCalls.reduce((n, c) => n + c.arguments.length, 0);
        options.onProgress({ tokens: Math.ceil(chars / 4), elapsedMs: Math.round(elapsedMs) });
      }
    }
    // The client ends an aborted stream quietly: a stall or a cancel is not a finished reply.
    if (stalled && !options.signal?.aborted) throw new StreamStalledError(options.stallTimeoutMs);
    if (options.signal?.aborted) throw new Error('the LLM call was cancelled');
    return raw;
  } catch (error) {
    if (stalled && !options.signal?.aborted) throw new StreamStalledError(options.stallTimeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forward);
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
