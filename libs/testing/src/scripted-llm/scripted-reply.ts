/** What the scripted endpoint receives: the body of a chat completion request, and its headers. */
export interface ChatRequest {
  readonly model: string;
  readonly messages: { role: string; content: string | null }[];
  readonly temperature?: number;
  readonly max_tokens?: number;
  readonly max_completion_tokens?: number;
  readonly reasoning_effort?: string;
  readonly stream?: boolean;
  readonly stream_options?: { include_usage?: boolean };
  readonly tools?: { type: string; function: { name: string; parameters: unknown } }[];
  readonly tool_choice?: unknown;
  readonly response_format?: { type: string; json_schema?: unknown };
  readonly headers: Record<string, string | string[] | undefined>;
}

/** One answer, as a real endpoint would give it. */
export interface ScriptedAnswer {
  readonly content?: string;
  /** Tool calls (`arguments` is the JSON text the model produced). */
  readonly toolCalls?: readonly { name: string; arguments: string }[];
  /** Reasoning text, in the field the vendor uses. */
  readonly reasoning?: string;
  readonly reasoningField?: 'reasoning_content' | 'reasoning';
  /** The API's own refusal field (OpenAI structured outputs). */
  readonly refusal?: string;
  readonly finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  readonly promptTokens?: number;
  readonly completionTokens?: number;
  /** `none`: no usage at all; `input_output`: `input_tokens`/`output_tokens` instead of OpenAI's names. */
  readonly usage?: 'openai' | 'none' | 'input_output';
  readonly delayMs?: number;
  /** Streamed: wait this long before each chunk (a slow model). */
  readonly chunkDelayMs?: number;
  /** Streamed: send this many chunks, then nothing (a stalled stream). */
  readonly stallAfterChunks?: number;
}

/** What the script answers one call with. */
export type ScriptedReply =
  | ScriptedAnswer
  | { readonly status: number; readonly body?: unknown; readonly retryAfter?: string }
  /** Never answer (until the server closes): for crashing a caller mid-call. */
  | { readonly hang: true };

/** What the endpoint supports; what it does not is answered with a 400, as servers do. */
export interface EndpointTraits {
  /** Tool calls (`tools` in the request). Default false. */
  readonly tools?: boolean;
  /** JSON-schema response format. Default false. */
  readonly jsonSchema?: boolean;
  /** Request parameters this model refuses with a 400 naming them (`temperature`, `max_tokens`, …). */
  readonly rejects?: readonly string[];
}

/** The 400 a server answers a request with when it cannot take it, or null. */
export function refusalOf(body: Omit<ChatRequest, 'headers'>, traits: EndpointTraits): string | null {
  const rejected = (traits.rejects ?? []).find((name) => name in body);
  if (rejected)
    return `Unsupported parameter: '${rejected}' is not supported with this model.${rejected === 'max_tokens' ? " Use 'max_completion_tokens' instead." : ''}`;
  if (body.tools && !traits.tools) return 'This server does not support tools (tool calling is not enabled)';
  if (body.response_format?.type === 'json_schema' && !traits.jsonSchema)
    return "response_format 'json_schema' is not supported by this server";
  return null;
}
