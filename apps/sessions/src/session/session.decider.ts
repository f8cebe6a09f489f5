import type { Decider } from '@app/domain';
import { DomainError, ValidationError } from '@app/domain';
import type {
  LlmCallRecorded,
  SessionEvent,
  SessionStarted,
  StepCompleted,
  StepName,
} from './session.events';
import { nextRoute } from './session-routing';
import type { SessionState } from './session.state';
import { completedSteps, evolveSession, inFlightStep, initialSessionState } from './session.state';

export type SessionCommand =
  | { readonly type: 'StartSession'; readonly data: SessionStarted['data'] }
  | {
      readonly type: 'BeginStep';
      readonly step: StepName;
      readonly runId: string | null;
      readonly at: string;
    }
  | { readonly type: 'RecordLlmCall'; readonly data: LlmCallRecorded['data'] }
  | { readonly type: 'CompleteStep'; readonly data: StepCompleted['data'] }
  | { readonly type: 'FailSession'; readonly reason: string; readonly at: string }
  | { readonly type: 'CancelSession'; readonly by: string; readonly at: string };

export const MAX_ITERATIONS = 20;

function requireRunning(state: SessionState): void {
  if (!state.exists) throw new DomainError('NOT_FOUND', `session ${state.sessionId || ''} was not found`);
  if (state.status !== 'RUNNING')
    throw new DomainError('BAD_USER_INPUT', `the session is already ${state.status}`, {
      status: state.status,
    });
}

/** The step must be the one in flight (a stale driver's command is a CONFLICT). */
function requireInFlight(state: SessionState, step: StepName, attempt: number): void {
  requireRunning(state);
  const open = inFlightStep(state);
  if (!open || open.step !== step || open.attempt !== attempt)
    throw new DomainError('CONFLICT', `no step ${step} #${attempt} is running`, {
      currentVersion: state.version,
    });
}

/**
 * The session aggregate. Completing a step also asks the router what comes next: when the answer
 * is the end, the end event is part of the same append, so a session never stops between the
 * two. Every LLM call is recorded before the step that made it completes.
 */
export const sessionDecider: Decider<SessionCommand, SessionState, SessionEvent> = {
  initialState: () => initialSessionState,
  evolve: evolveSession,
  decide(command, state) {
    switch (command.type) {
      case 'StartSession': {
        if (state.exists)
          throw new DomainError('CONFLICT', 'the session exists already', { currentVersion: state.version });
        const { maxIterations, budget } = command.data;
        const problems: { field: string; message: string }[] = [];
        if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > MAX_ITERATIONS)
          problems.push({ field: 'maxIterations', message: `must be between 1 and ${MAX_ITERATIONS}` });
        if (budget.maxLlmCalls < 1)
          problems.push({ field: 'budget.maxLlmCalls', message: 'must be at least 1' });
        if (budget.maxTokens < 1) problems.push({ field: 'budget.maxTokens', message: 'must be at least 1' });
        if (problems.length > 0) throw new ValidationError('the session cannot start', problems);
        return [{ type: 'SessionStarted', data: command.data }];
      }
      case 'BeginStep': {
        requireRunning(state);
        const open = inFlightStep(state);
        if (open) {
          if (open.step === command.step) return []; // resumed: the step is already under way
          throw new DomainError('CONFLICT', `step ${open.step} is still running`, {
            currentVersion: state.version,
          });
        }
        const attempt = state.steps.filter((s) => s.step === command.step).length + 1;
        return [
          {
            type: 'StepStarted',
            data: { step: command.step, attempt, runId: command.runId, at: command.at },
          },
        ];
      }
      case 'RecordLlmCall': {
        requireInFlight(state, command.data.step, command.data.attempt);
        return [{ type: 'LlmCallRecorded', data: command.data }];
      }
      case 'CompleteStep': {
        requireInFlight(state, command.data.step, command.data.attempt);
        const completed: StepCompleted = { type: 'StepCompleted', data: command.data };
        const history = [
          ...completedSteps(state).map((s) => ({ step: s.step, outcome: s.outcome!, result: s.result! })),
          { step: command.data.step, outcome: command.data.outcome, result: command.data.result },
        ];
        const route = nextRoute(state.type, history, state.maxIterations);
        if (route.kind === 'succeed')
          return [
            completed,
            { type: 'SessionSucceeded', data: { summary: route.summary, at: command.data.at } },
          ];
        if (route.kind === 'fail')
          return [completed, { type: 'SessionFailed', data: { reason: route.reason, at: command.data.at } }];
        return [completed];
      }
      case 'FailSession':
        requireRunning(state);
        return [{ type: 'SessionFailed', data: { reason: command.reason, at: command.at } }];
      case 'CancelSession':
        if (!state.exists) throw new DomainError('NOT_FOUND', `session ${state.sessionId} was not found`);
        if (state.status === 'CANCELLED') return [];
        requireRunning(state);
        return [{ type: 'SessionCancelled', data: { by: command.by, at: command.at } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${(unknown as { type: string }).type}`);
      }
    }
  },
};

/** The step the router says comes next (for a session with no step in flight). */
export function plannedStep(state: SessionState): StepName | null {
  const history = completedSteps(state).map((s) => ({
    step: s.step,
    outcome: s.outcome!,
    result: s.result!,
  }));
  const route = nextRoute(state.type, history, state.maxIterations);
  return route.kind === 'step' ? route.step : null;
}
