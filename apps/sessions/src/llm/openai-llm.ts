import OpenAI from 'openai';
import type { LlmSettings } from '../sessions-config';
import { LlmCallError } from './llm.port';
import type { LlmMessage, LlmParameters, LlmProvider, LlmReply } from './llm.port';
import { backoffMs, isRetryable, retryAfterSeconds } from './retry-policy';

/** Removes the API key from any text that might reach a log, an event or a client. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}

/**
 * Any OpenAI-compatible endpoint through the official `openai` client. The client's own retries
 * are off: this adapter retries 429, 5xx, timeouts and lost connections itself, with back-off
 * (honouring Retry-After), so the attempts are counted and bounded per call.
 */
export class OpenAiLlm implements LlmProvider {
  readonly parameters: LlmParameters;
  private readonly client: OpenAI;

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
    this.parameters = { model: settings.model, temperature: settings.temperature, maxTokens: null };
  }

  async complete(messages: readonly LlmMessage[], signal?: AbortSignal): Promise<LlmReply> {
    const attempts = this.settings.maxRetries + 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const completion = await this.client.chat.completions.create(
          {
            model: this.parameters.model,
            temperature: this.parameters.temperature,
            messages: messages.map((m) => ({ role: m.role, content: m.content })),
          },
          { signal },
        );
        const choice = completion.choices[0];
        return {
          content: choice?.message?.content ?? '',
          model: completion.model || this.parameters.model,
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0,
          finishReason: choice?.finish_reason ?? null,
          responseId: completion.id ?? null,
          attempts: attempt,
        };
      } catch (error) {
        if (signal?.aborted) throw new LlmCallError('the LLM call was cancelled', null, attempt);
        const status: number | null =
          error instanceof OpenAI.APIError && typeof error.status === 'number' ? error.status : null;
        const message = redactSecret(
          error instanceof Error ? error.message : String(error),
          this.settings.apiKey,
        );
        if (!isRetryable(status) || attempt >= attempts) {
          throw new LlmCallError(
            `the LLM call failed after ${attempt} attempt(s): ${status === null ? '' : `HTTP ${status}: `}${message}`,
            status,
            attempt,
          );
        }
        const headers = error instanceof OpenAI.APIError ? (error.headers as Headers | undefined) : undefined;
        await this.sleep(backoffMs(attempt, retryAfterSeconds(headers)), signal);
      }
    }
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
