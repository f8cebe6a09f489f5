import type { LlmMessage, LlmParameters } from './llm.port';
import { FILES_RESPONSE_FORMAT, WRITE_FILE_TOOL } from './structured-files';
import type { VendorQuirks } from './vendor-quirks';

/** What a request asks the model for: text, files as tool calls, or files as a JSON reply. */
export type Ask = 'text' | 'tools' | 'json';

/** The body of one chat completion request, with the parameters this model takes. */
export function chatBody(
  messages: readonly LlmMessage[],
  parameters: LlmParameters,
  quirks: VendorQuirks,
  options: { stream: boolean; ask: Ask },
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: parameters.model,
    messages: messages.map((m) => ({ role: m.role, content: m.content })),
  };
  if (!quirks.omitTemperature) body.temperature = parameters.temperature;
  if (parameters.maxTokens !== null) body[quirks.tokensField] = parameters.maxTokens;
  if (parameters.reasoningEffort && !quirks.omitReasoningEffort)
    body.reasoning_effort = parameters.reasoningEffort;
  if (options.stream) {
    body.stream = true;
    if (!quirks.omitStreamOptions) body.stream_options = { include_usage: true };
  }
  if (options.ask === 'tools') {
    body.tools = [WRITE_FILE_TOOL];
    body.tool_choice = 'required';
  }
  if (options.ask === 'json') body.response_format = FILES_RESPONSE_FORMAT;
  return body;
}
