import { DomainError } from '@app/domain';

export interface LlmMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** The model and the parameters a call is made with (recorded in the ledger as they were sent). */
export interface LlmParameters {
  readonly model: string;
  readonly temperature: number;
  readonly maxTokens: number | null;
}

export interface LlmReply {
  readonly content: string;
  /** The model that answered (as the endpoint reports it). */
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly finishReason: string | null;
  readonly responseId: string | null;
  /** Attempts it took (1 without retries). */
  readonly attempts: number;
}

/** The port the orchestrators call; the adapter is the official `openai` client. */
export interface LlmProvider {
  readonly parameters: LlmParameters;
  complete(messages: readonly LlmMessage[], signal?: AbortSignal): Promise<LlmReply>;
}

export class LlmNotConfiguredError extends DomainError {
  constructor() {
    super(
      'LLM_NOT_CONFIGURED',
      'no LLM is configured: set OPENAI_BASE_URL (any OpenAI-compatible endpoint) and OPENAI_API_KEY; manual mode works without one',
    );
  }
}

/** The call failed after its retries (or could not be retried). Never carries the API key. */
export class LlmCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'LlmCallError';
  }
}
