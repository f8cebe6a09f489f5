/**
 * One completion as the adapter needs it, read from a whole `chat.completion` or accumulated from
 * streamed chunks — whatever field names the vendor uses for reasoning and usage.
 */
export interface RawCompletion {
  content: string;
  reasoning: string;
  refusal: string;
  toolCalls: { name: string; arguments: string }[];
  finishReason: string | null;
  usage: { prompt: number; completion: number } | null;
  model: string | null;
  id: string | null;
}

export function emptyCompletion(): RawCompletion {
  return {
    content: '',
    reasoning: '',
    refusal: '',
    toolCalls: [],
    finishReason: null,
    usage: null,
    model: null,
    id: null,
  };
}

type Loose = Record<string, unknown> | undefined | null;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** OpenAI's `prompt_tokens`/`completion_tokens`, or `input_tokens`/`output_tokens`; null when absent. */
export function usageOf(usage: Loose): { prompt: number; completion: number } | null {
  if (!usage) return null;
  const prompt = count(usage.prompt_tokens) ?? count(usage.input_tokens);
  const completion = count(usage.completion_tokens) ?? count(usage.output_tokens);
  return prompt === null && completion === null ? null : { prompt: prompt ?? 0, completion: completion ?? 0 };
}

const reasoningOf = (message: Loose) => text(message?.reasoning_content) || text(message?.reasoning);

/** A whole (not streamed) completion. */
export function readCompletion(completion: Loose): RawCompletion {
  const choice = (completion?.choices as Loose[] | undefined)?.[0];
  const message = choice?.message as Loose;
  const calls = (message?.tool_calls as Loose[] | undefined) ?? [];
  return {
    content: text(message?.content),
    reasoning: reasoningOf(message),
    refusal: text(message?.refusal),
    toolCalls: calls.map((call) => {
      const fn = call?.function as Loose;
      return { name: text(fn?.name), arguments: text(fn?.arguments) };
    }),
    finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : null,
    usage: usageOf(completion?.usage as Loose),
    model: text(completion?.model) || null,
    id: text(completion?.id) || null,
  };
}

/** Folds one streamed chunk into the completion so far (mutates and returns it). */
export function addChunk(into: RawCompletion, chunk: Loose): RawCompletion {
  into.model ??= text(chunk?.model) || null;
  into.id ??= text(chunk?.id) || null;
  into.usage = usageOf(chunk?.usage as Loose) ?? into.usage;
  for (const choice of (chunk?.choices as Loose[] | undefined) ?? []) {
    const delta = choice?.delta as Loose;
    into.content += text(delta?.content);
    into.reasoning += reasoningOf(delta);
    into.refusal += text(delta?.refusal);
    for (const call of (delta?.tool_calls as Loose[] | undefined) ?? []) {
      const index = count(call?.index) ?? into.toolCalls.length;
      const fn = call?.function as Loose;
      into.toolCalls[index] ??= { name: '', arguments: '' };
      into.toolCalls[index].name += text(fn?.name);
      into.toolCalls[index].arguments += text(fn?.arguments);
    }
    if (typeof choice?.finish_reason === 'string') into.finishReason = choice.finish_reason;
  }
  return into;
}
