import OpenAI from 'openai';
import { abortableSleep, retry } from '@app/platform';
import { estimateTokens } from './token-estimate';
import type { LlmSettings } from '../sessions-config';
import type { Ask } from './chat-body';
import { chatBody } from './chat-body';
import type { RawCompletion } from './completion-reader';
import { readCompletion } from './completion-reader';
import { CONTINUE_PROMPT, joinContinuation } from './continuation';
import { probeFilesMode } from './files-capability';
import { LlmCallError } from './llm.port';
import type {
  FilesCapability,
  LlmCallOptions,
  LlmMessage,
  LlmParameters,
  LlmProvider,
  LlmReply,
} from './llm.port';
import { isRetryable, LLM_BACKOFF, retryAfterMs, statusOf } from './retry-policy';
import { filesFromJson, filesFromToolCalls } from './structured-files';
import { streamCompletion } from './stream-completion';
import { learnFromRefusal, NO_QUIRKS, omittedParameters } from './vendor-quirks';
import type { VendorQuirks } from './vendor-quirks';

/** Removes the API key from any text that might reach a log, an event or a client. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}

/** A request rejected for a parameter the model does not take is sent again without it, this often at most. */
const MAX_PARAMETER_LESSONS = 4;

/**
 * Any OpenAI-compatible endpoint through the official `openai` client. Replies stream by default;
 * the client's own retries are off: this adapter retries 429, 5xx, timeouts, stalls and lost
 * connections itself, with back-off (honouring Retry-After), so the attempts are counted and
 * bounded. A 400 naming a parameter the model refuses is learned once and the call sent again
 * without it. A reply cut off at the token limit is continued, up to a bound.
 */
export class OpenAiLlm implements LlmProvider {
  readonly parameters: LlmParameters;
  private readonly client: OpenAI;
  private quirks: VendorQuirks = NO_QUIRKS;
  private capability: Promise<FilesCapability> | null = null;

  constructor(
    private readonly settings: LlmSettings,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = abortableSleep,
  ) {
    this.client = new OpenAI({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey ?? 'not-set',
      timeout: settings.timeoutMs,
      maxRetries: 0,
    });
    this.parameters = {
      model: settings.model,
      temperature: settings.temperature,
      maxTokens: settings.maxTokens,
      reasoningEffort: settings.reasoningEffort,
    };
  }

  filesCapability(signal?: AbortSignal): Promise<FilesCapability> {
    const at = () => new Date().toISOString();
    if (this.settings.filesMode !== 'auto')
      return Promise.resolve({
        mode: this.settings.filesMode,
        source: 'override',
        detail: 'set by OPENAI_FILES_MODE',
        at: at(),
      });
    this.capability ??= probeFilesMode(
      async (messages, ask) => (await this.exchange(messages, ask, { signal })).raw,
      at,
    ).catch((error: unknown) => {
      this.capability = null;
      throw error;
    });
    return this.capability;
  }

  async complete(messages: readonly LlmMessage[], options: LlmCallOptions = {}): Promise<LlmReply> {
    const ask: Ask = options.files === 'tools' || options.files === 'json' ? options.files : 'text';
    let { raw, attempts } = await this.exchange(messages, ask, options);
    let content = raw.content;
    const calls = [...raw.toolCalls];
    let usage = raw.usage;
    let estimated = usage === null;
    let continuations = 0;
    while (
      raw.finishReason === 'length' &&
      ask !== 'tools' &&
      continuations < this.settings.maxContinuations
    ) {
      continuations += 1;
      const followUp: LlmMessage[] = [
        ...messages,
        { role: 'assistant', content },
        { role: 'user', content: CONTINUE_PROMPT },
      ];
      const next = await this.exchange(followUp, ask, options);
      raw = next.raw;
      attempts += next.attempts;
      content = joinContinuation(content, raw.content);
      estimated ||= raw.usage === null;
      usage =
        usage && raw.usage
          ? { prompt: usage.prompt + raw.usage.prompt, completion: usage.completion + raw.usage.completion }
          : null;
    }
    const structured =
      ask === 'tools' ? filesFromToolCalls(calls) : ask === 'json' ? filesFromJson(content) : null;
    return {
      content,
      files: structured && structured.files.length > 0 ? structured.files : null,
      filesError: structured?.error ?? null,
      reasoning: raw.reasoning || null,
      refusal: raw.refusal || null,
      truncated: raw.finishReason === 'length',
      continuations,
      model: raw.model || this.parameters.model,
      promptTokens:
        usage?.prompt ?? estimateTokens(messages.map((m) => m.content).join('\n')) * (continuations + 1),
      completionTokens: usage?.completion ?? estimateTokens(content + calls.map((c) => c.arguments).join('')),
      usageEstimated: estimated,
      finishReason: raw.finishReason,
      responseId: raw.id,
      attempts,
      omittedParameters: omittedParameters(this.quirks),
    };
  }

  /** One completion, with retries (the platform's policy, Retry-After honoured); streamed unless streaming is off. */
  private async exchange(
    messages: readonly LlmMessage[],
    ask: Ask,
    options: LlmCallOptions,
  ): Promise<{ raw: RawCompletion; attempts: number }> {
    const { signal } = options;
    let attempts = 0;
    try {
      const raw = await retry(
        (attempt) => {
          attempts = attempt;
          return this.send(messages, ask, options);
        },
        {
          ...LLM_BACKOFF,
          attempts: this.settings.maxRetries + 1,
          retryable: (error) => isRetryable(statusOf(error)),
          delayMs: (_attempt, error) => retryAfterMs(error),
          signal,
          sleep: this.sleep,
        },
      );
      return { raw, attempts };
    } catch (error) {
      if (signal?.aborted) throw new LlmCallError('the LLM call was cancelled', null, attempts);
      const status = statusOf(error);
      const message = redactSecret(
        error instanceof Error ? error.message : String(error),
        this.settings.apiKey,
      );
      throw new LlmCallError(
        `the LLM call failed after ${attempts} attempt(s): ${status === null ? '' : `HTTP ${status}: `}${message}`,
        status,
        attempts,
      );
    }
  }

  /**
   * One attempt: a request refused for a parameter the model does not take is sent again without
   * it (a lesson, not an attempt), a few times at most.
   */
  private async send(
    messages: readonly LlmMessage[],
    ask: Ask,
    options: LlmCallOptions,
  ): Promise<RawCompletion> {
    for (let lessons = 0; ; lessons += 1) {
      const used = this.quirks;
      const body = chatBody(messages, this.parameters, used, { stream: this.settings.stream, ask });
      try {
        return this.settings.stream
          ? await streamCompletion(this.client, body, {
              signal: options.signal,
              stallTimeoutMs: this.settings.stallTimeoutMs,
              onProgress: options.onProgress,
            })
          : readCompletion(
              jsonObject(
                await this.client.chat.completions.create(body as never, { signal: options.signal }),
              ),
            );
      } catch (error) {
        if (options.signal?.aborted || lessons >= MAX_PARAMETER_LESSONS) throw error;
        const status = statusOf(error);
        const message = error instanceof Error ? error.message : String(error);
        const sent = Object.keys(body);
        // Judged against what this request carried: a call running beside it may have learned the
        // same lesson meanwhile, and this one must still retry instead of failing on a known quirk.
        const lesson = learnFromRefusal(status, message, used, sent);
        if (!lesson) throw error;
        this.quirks =
          this.quirks === used
            ? lesson
            : (learnFromRefusal(status, message, this.quirks, sent) ?? this.quirks);
      }
    }
  }
}

/** A completion as the JSON object it is (a client answering anything else is not an OpenAI endpoint). */
function jsonObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('the endpoint did not answer with a JSON object');
  return value as Record<string, unknown>;
}
