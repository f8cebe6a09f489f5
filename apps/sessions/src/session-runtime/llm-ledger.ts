import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { canonicalJson } from '../context/canonical-hash';
import type { AssemblyRequest, PromptRequest } from '../context/context-assembly';
import { assembleContext } from '../context/context-assembly';
import { LlmNotConfiguredError } from '../llm/llm.port';
import type { LlmProvider } from '../llm/llm.port';
import { WorkspaceService } from '../workspace/workspace.service';
import type { LlmCallRecorded } from '../session/session.events';
import type { LedgerAnswer } from './recorded-answer';
import { answerFromBlob, replyBlob } from './recorded-answer';
import { SessionRepository } from './session.repository';
import type { SessionState, StepRecord } from '../session/session.state';
import { LiveCalls } from './live-calls';

export const LLM_PROVIDER = Symbol('LLM_PROVIDER');

export type { LedgerAnswer } from './recorded-answer';

type CallRecord = Omit<LlmCallRecorded['data'], 'step' | 'attempt'>;

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
 * the context hash, how files were asked for, and the model's reasoning apart. A step that
 * already made its call (a resumed session) gets the recorded reply back instead of calling again.
 */
@Injectable()
export class LlmLedger {
  constructor(
    @Inject(LLM_PROVIDER) private readonly llm: LlmProvider | null,
    private readonly repository: SessionRepository,
    private readonly workspaces: WorkspaceService,
    private readonly live: LiveCalls,
  ) {}

  get configured(): boolean {
    return this.llm !== null;
  }

  /**
   * One recorded call (a session step's, or a story's AI review): the context is assembled here,
   * the messages, the reply and any reasoning are stored as blobs, and the caller appends the
   * record to its stream. `files` asks for files in the endpoint's best form.
   */
  async invoke(
    request: AssemblyRequest | PromptRequest,
    signal?: AbortSignal,
    options: { files?: boolean; liveKey?: string } = {},
  ): Promise<{ reply: string; answer: LedgerAnswer; record: CallRecord }> {
    if (!this.llm) throw new LlmNotConfiguredError();
    const capability = options.files ? await this.llm.filesCapability(signal) : null;
    const assembled = assembleContext(request, this.llm.parameters, capability?.mode ?? 'fenced');
    const started = performance.now();
    const onProgress = options.liveKey ? this.live.reporter(options.liveKey) : undefined;
    const reply = await this.llm
      .complete(assembled.messages, { signal, files: capability?.mode, onProgress })
      .finally(() => options.liveKey && this.live.end(options.liveKey));
    const durationMs = Math.round(performance.now() - started);
    const structured = capability?.mode === 'tools' || capability?.mode === 'json';
    const messagesSha256 = await this.workspaces.putBlob(canonicalJson(assembled.messages));
    const replySha256 = await this.workspaces.putBlob(replyBlob(reply, structured));
    const reasoningSha256 = reply.reasoning ? await this.workspaces.putBlob(reply.reasoning) : null;
    const answer: LedgerAnswer = {
      text: reply.content,
      files: reply.files,
      filesError: reply.filesError,
      refusal: reply.refusal,
      reasoning: reply.reasoning,
      truncated: reply.truncated,
      filesForm: capability?.mode ?? null,
    };
    return {
      reply: reply.content,
      answer,
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
        filesMode: capability,
        reasoningSha256,
        usageEstimated: reply.usageEstimated,
        continuations: reply.continuations,
        refusal: reply.refusal,
        truncated: reply.truncated,
        omittedParameters: reply.omittedParameters,
      },
    };
  }

  async call(
    state: SessionState,
    step: StepRecord,
    request: AssemblyRequest,
    signal: AbortSignal,
    options: { files?: boolean } = {},
  ): Promise<{ reply: string; answer: LedgerAnswer; state: SessionState }> {
    const recorded = state.llmCalls.find((c) => c.step === step.step && c.attempt === step.attempt);
    if (recorded) {
      const blob = await this.workspaces.getBlob(recorded.replySha256);
      if (blob === null) throw new Error(`the recorded reply ${recorded.replySha256} is missing`);
      const answer = answerFromBlob(blob.toString('utf8'), recorded);
      return { reply: answer.text, answer, state };
    }
    if (!this.llm) throw new LlmNotConfiguredError();
    const { maxLlmCalls, maxTokens } = state.budget;
    if (state.llmCalls.length >= maxLlmCalls)
      throw new BudgetExceededError(`the budget of ${maxLlmCalls} LLM call(s) is used up`);
    if (state.tokensUsed >= maxTokens)
      throw new BudgetExceededError(
        `the budget of ${maxTokens} tokens is used up (${state.tokensUsed} used)`,
      );

    const call = await this.invoke(request, signal, {
      files: options.files,
      liveKey: `${state.sessionId}/${step.step}#${step.attempt}`,
    });
    const next = await this.repository.execute(state, {
      type: 'RecordLlmCall',
      data: { ...call.record, step: step.step, attempt: step.attempt },
    });
    if (next.tokensUsed > maxTokens)
      throw new BudgetExceededError(
        `the token budget is exceeded: ${next.tokensUsed} of ${maxTokens} tokens used`,
      );
    return { reply: call.reply, answer: call.answer, state: next };
  }
}
