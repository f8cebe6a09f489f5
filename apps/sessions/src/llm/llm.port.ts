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
  /** `reasoning_effort`, for reasoning models (absent in calls recorded before it existed). */
  readonly reasoningEffort?: string | null;
}

/** How a step asks for files: tool calls, a JSON-schema reply, or fenced blocks in text. */
export type FilesMode = 'tools' | 'json' | 'fenced';

/** The files mode an endpoint and model get: set by OPENAI_FILES_MODE, or found by a probe. */
export interface FilesCapability {
  readonly mode: FilesMode;
  readonly source: 'override' | 'probe';
  /** What the probe saw (why a richer mode was not used). */
  readonly detail: string;
  readonly at: string;
}

/** Live progress of a streamed reply. */
export interface LlmProgress {
  readonly tokens: number;
  readonly elapsedMs: number;
}

export interface LlmCallOptions {
  readonly signal?: AbortSignal;
  /** Ask for files in this form (tools and json come back in `files`). */
  readonly files?: FilesMode;
  readonly onProgress?: (progress: LlmProgress) => void;
}

export interface LlmReply {
  /** The text of the reply (continuations joined). */
  readonly content: string;
  /** Files from tool calls or a JSON reply; null when none were asked for that way or none parsed. */
  readonly files: { path: string; content: string }[] | null;
  /** Why structured files could not be read, when they were asked for. */
  readonly filesError: string | null;
  /** The model's reasoning (`reasoning_content` / `reasoning`), kept apart from the answer. */
  readonly reasoning: string | null;
  readonly refusal: string | null;
  /** Still cut off at the token limit after the continuations allowed. */
  readonly truncated: boolean;
  readonly continuations: number;
  /** The model that answered (as the endpoint reports it). */
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** The endpoint reported no usage: the counts are estimated from the text. */
  readonly usageEstimated: boolean;
  readonly finishReason: string | null;
  readonly responseId: string | null;
  /** Attempts it took (1 without retries). */
  readonly attempts: number;
  /** Parameters this model refused (found from its 400s and left out since). */
  readonly omittedParameters: string[];
}

/** The port the orchestrators call; the adapter is the official `openai` client. */
export interface LlmProvider {
  readonly parameters: LlmParameters;
  /** How files are asked for from this endpoint and model (probed once, then cached). */
  filesCapability(signal?: AbortSignal): Promise<FilesCapability>;
  complete(messages: readonly LlmMessage[], options?: LlmCallOptions): Promise<LlmReply>;
}

export class LlmNotConfiguredError extends DomainError {
  constructor() {
    super(
      'LLM_NOT_CONFIGURED',
      'no LLM is configured: set OPENAI_BASE_URL (any OpenAI-compatible endpoint) and OPENAI_API_KEY; manual mode works without one',
    );
  }
}

/**
 * The call failed after its retries (or could not be retried): `LLM_ERROR`, with the provider's
 * HTTP status (null when it never answered) and the attempts. Never carries the API key.
 */
export class LlmCallError extends DomainError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
  ) {
    super('LLM_ERROR', message, { providerStatus: status, attempts });
  }
}
