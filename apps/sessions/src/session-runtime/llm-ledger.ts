import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { canonicalJson } from '../context/canonical-hash';
import type { AssemblyRequest, PromptRequest } from '../context/context-assembly';
import { assembleContext } from '../context/context-assembly';
import { LlmNotConfiguredError } from '../llm/llm.port';
import type { LlmProvider } from '../llm/llm.port';
import { WorkspaceService } from '../workspace/workspace.service';
import type { LlmCallRecorded } from '../session/session.events';
import { SessionRepository } from './session.repository';
import type { SessionState, StepRecord } from '../session/session.state';

export const LLM_PROVIDER = Symbol('LLM_PROVIDER');

/** A session's budget is used up: the session fails with this reason. */
export class BudgetExceededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetExceededError';
  }
}

/**
 * Every LLM call goes through here: the context is assembled by the process (never by the
 * model), the budget is checked, and the call is recorded — the exact messages and the reply as
 * blobs, the model and its parameters, the items with their sources and versions, the usage and
 * the context hash. A step that already made its call (a resumed session) gets the recorded
 * reply back instead of calling again.
 */
@Injectable()
export class LlmLedger {
  constructor(
    @Inject(LLM_PROVIDER) private readonly llm: LlmProvider | null,
    private readonly repository: SessionRepository,
    private readonly workspaces: WorkspaceService,
  ) {}

  get configured(): boolean {
    return this.llm !== null;
  }

  /**
   * One recorded call outside a session (a story's AI review): the context is assembled here, the
   * messages and the reply are stored as blobs, and the caller appends the record to its stream.
   */
  async invoke(
    request: AssemblyRequest | PromptRequest,
    signal?: AbortSignal,
  ): Promise<{ reply: string; record: Omit<LlmCallRecorded['data'], 'step' | 'attempt'> }> {
    if (!this.llm) throw new LlmNotConfiguredError();
    const assembled = assembleContext(request, this.llm.parameters);
    const started = performance.now();
    const reply = await this.llm.complete(assembled.messages, signal);
    const durationMs = Math.round(performance.now() - started);
    const messagesSha256 = await this.workspaces.putBlob(canonicalJson(assembled.messages));
    const replySha256 = await this.workspaces.putBlob(reply.content);
    return {
      reply: reply.content,
      record: {
        callId: randomUUID(),
        parameters: this.llm.parameters,
        model: reply.model,
        contextHash: assembled.contextHash,
        items: assembled.items,
        messagesSha256,
        replySha256,
        promptTokens: reply.promptTokens,
        completionTokens: reply.completionTokens,
        finishReason: reply.finishReason,
        httpAttempts: reply.attempts,
        durationMs,
        at: new Date().toISOString(),
      },
    };
  }

  async call(
    state: SessionState,
    step: StepRecord,
    request: AssemblyRequest,
    signal: AbortSignal,
  ): Promise<{ reply: string; state: SessionState }> {
    const recorded = state.llmCalls.find((c) => c.step === step.step && c.attempt === step.attempt);
    if (recorded) {
      const reply = await this.workspaces.getBlob(recorded.replySha256);
      if (reply === null) throw new Error(`the recorded reply ${recorded.replySha256} is missing`);
      return { reply: reply.toString('utf8'), state };
    }
    if (!this.llm) throw new LlmNotConfiguredError();
    const { maxLlmCalls, maxTokens } = state.budget;
    if (state.llmCalls.length >= maxLlmCalls)
      throw new BudgetExceededError(`the budget of ${maxLlmCalls} LLM call(s) is used up`);
    if (state.tokensUsed >= maxTokens)
      throw new BudgetExceededError(
        `the budget of ${maxTokens} tokens is used up (${state.tokensUsed} used)`,
      );

    const call = await this.invoke(request, signal);
    const next = await this.repository.execute(state, {
      type: 'RecordLlmCall',
      data: { ...call.record, step: step.step, attempt: step.attempt },
    });
    if (next.tokensUsed > maxTokens)
      throw new BudgetExceededError(
        `the token budget is exceeded: ${next.tokensUsed} of ${maxTokens} tokens used`,
      );
    return { reply: call.reply, state: next };
  }
}
