import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConcurrencyError, DomainError, storableText } from '@app/domain';
import { redactSecret } from '../llm/openai-llm';
import { BudgetExceededError } from './llm-ledger';
import { plannedStep } from '../session/session.decider';
import { SessionRepository } from './session.repository';
import type { SessionState } from '../session/session.state';
import { inFlightStep } from '../session/session.state';
import { StepExecutor } from './steps/step-executor';
import { WAIT } from './steps/session-step';

export type DriveResult = 'finished' | 'waiting' | 'stopped';

/**
 * Drives one session from where its stream says it is: an in-flight step (a crash left it) is
 * finished first, then the router's next step, until the session ends. Nothing that finished is
 * done again. A concurrent change (a cancel) shows up as a version conflict: the driver reloads
 * and stops if the session no longer runs.
 */
@Injectable()
export class SessionDriver {
  private readonly logger = new Logger('SessionDriver');

  constructor(
    private readonly repository: SessionRepository,
    private readonly executor: StepExecutor,
  ) {}

  async drive(sessionId: string, signal: AbortSignal, apiKey?: string): Promise<DriveResult> {
    let state: SessionState = await this.repository.load(sessionId);
    while (state.exists && state.status === 'RUNNING') {
      if (signal.aborted) return 'stopped';
      try {
        let step = inFlightStep(state);
        if (!step) {
          const planned = plannedStep(state);
          if (!planned) {
            state = await this.repository.execute(state, {
              type: 'FailSession',
              reason: 'the router has no next step for this session',
              at: new Date().toISOString(),
            });
            break;
          }
          state = await this.repository.execute(state, {
            type: 'BeginStep',
            step: planned,
            runId: planned === 'run_tests' ? randomUUID() : null,
            at: new Date().toISOString(),
          });
          step = inFlightStep(state)!;
        }
        const outcome = await this.executor.execute(state, step, signal);
        if (outcome === WAIT) return 'waiting';
        state = await this.repository.execute(outcome.state, {
          type: 'CompleteStep',
          data: {
            step: step.step,
            attempt: step.attempt,
            outcome: outcome.outcome,
            detail: outcome.detail,
            result: outcome.result,
            at: new Date().toISOString(),
          },
        });
      } catch (error) {
        if (
          error instanceof ConcurrencyError ||
          (error instanceof DomainError && error.code === 'CONFLICT')
        ) {
          state = await this.repository.load(sessionId);
          continue;
        }
        if (signal.aborted) return 'stopped';
        const reason = failureReason(error, inFlightStep(state)?.step ?? '?', apiKey);
        const logged = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.logger.warn(`session ${sessionId}: ${reason} (${redactSecret(logged, apiKey)})`);
        state = await this.repository.load(sessionId);
        if (state.status !== 'RUNNING') break;
        state = await this.repository.execute(state, {
          type: 'FailSession',
          reason,
          at: new Date().toISOString(),
        });
      }
    }
    return 'finished';
  }
}

/**
 * Why a session failed, as its readers see it: a budget, a domain refusal or the LLM's error in
 * its own words; anything else (a driver or a bug) only as an internal error, which the log holds.
 */
function failureReason(error: unknown, step: string, apiKey: string | undefined): string {
  if (error instanceof BudgetExceededError) return error.message;
  if (error instanceof DomainError && error.code !== 'INTERNAL')
    return `step ${step} failed: ${storableText(redactSecret(error.message, apiKey))}`;
  return `step ${step} failed: an internal error (the sessions service's log has the details)`;
}
