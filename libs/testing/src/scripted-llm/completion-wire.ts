import type { ScriptedAnswer } from './scripted-reply';

function usageOf(answer: ScriptedAnswer, promptTokens: number, completionTokens: number) {
  if (answer.usage === 'none') return undefined;
  if (answer.usage === 'input_output') return { input_tokens: promptTokens, output_tokens: completionTokens };
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

function toolCallsOf(answer: ScriptedAnswer) {
  return answer.toolCalls?.map((call, i) => ({
    id: `call_${i}`,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  }));
}

const finishOf = (answer: ScriptedAnswer) =>
  answer.finishReason ?? (answer.toolCalls?.length ? 'tool_calls' : 'stop');

/** A whole `chat.completion` object. */
export function completionBody(
  answer: ScriptedAnswer,
  model: string,
  index: number,
  tokens: [number, number],
) {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: answer.content ?? null,
    ...(answer.refusal ? { refusal: answer.refusal } : {}),
    ...(answer.toolCalls ? { tool_calls: toolCallsOf(answer) } : {}),
    ...(answer.reasoning ? { [answer.reasoningField ?? 'reasoning_content']: answer.reasoning } : {}),
  };
  return {
    id: `chatcmpl-scripted-${index}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: finishOf(answer) }],
    usage: usageOf(answer, ...tokens),
  };
}

const pieces = (text: string, size: number) => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
};

/** The same answer as `chat.completion.chunk` objects, as a streaming endpoint sends them. */
export function completionChunks(
  answer: ScriptedAnswer,
  model: string,
  index: number,
  tokens: [number, number],
  includeUsage: boolean,
): unknown[] {
  const base = { id: `chatcmpl-scripted-${index}`, object: 'chat.completion.chunk', created: 0, model };
  const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta: d, finish_reason: finish }],
  });
  const chunks: unknown[] = [delta({ role: 'assistant', content: '' })];
  const field = answer.reasoningField ?? 'reasoning_content';
  for (const piece of pieces(answer.reasoning ?? '', 40)) chunks.push(delta({ [field]: piece }));
  for (const piece of pieces(answer.content ?? '', 40)) chunks.push(delta({ content: piece }));
  if (answer.refusal) chunks.push(delta({ refusal: answer.refusal }));
  (answer.toolCalls ?? []).forEach((call, i) => {
    chunks.push(
      delta({
        tool_calls: [
          { index: i, id: `call_${i}`, type: 'function', function: { name: call.name, arguments: '' } },
        ],
      }),
    );
    for (const piece of pieces(call.arguments, 40))
      chunks.push(delta({ tool_calls: [{ index: i, function: { arguments: piece } }] }));
  });
  chunks.push(delta({}, finishOf(answer)));
  const usage = usageOf(answer, ...tokens);
  if (includeUsage && usage) chunks.push({ ...base, choices: [], usage });
  return chunks;
}
