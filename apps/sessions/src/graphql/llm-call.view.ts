import type { LlmCallRecorded } from '../session/session.events';
import type { LlmCallModel } from './session.model';

type Recorded = Omit<LlmCallRecorded['data'], 'step' | 'attempt'>;

/** The GraphQL view of one recorded LLM call (a session step's or a review's). */
export function llmCallView(call: Recorded, step: string, attempt: number): LlmCallModel {
  return {
    id: call.callId,
    step,
    attempt,
    model: call.model,
    requestedModel: call.parameters.model,
    temperature: call.parameters.temperature,
    omittedParameters: [...(call.omittedParameters ?? [])],
    promptTokens: call.promptTokens,
    completionTokens: call.completionTokens,
    usageEstimated: call.usageEstimated ?? false,
    finishReason: call.finishReason,
    continuations: call.continuations ?? 0,
    filesMode: call.filesMode?.mode ?? null,
    filesModeSource: call.filesMode ? `${call.filesMode.source}: ${call.filesMode.detail}` : null,
    refusal: call.refusal ?? null,
    reasoningSha256: call.reasoningSha256 ?? null,
    contextHash: call.contextHash,
    messagesSha256: call.messagesSha256,
    replySha256: call.replySha256,
    durationMs: call.durationMs,
    httpAttempts: call.httpAttempts,
    items: call.items.map((i) => ({ ...i })),
    at: call.at,
  };
}
