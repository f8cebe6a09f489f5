import type { Identity } from '@app/domain';
import type { LlmParameters } from '../llm/llm.port';
import type {
  LlmCallRecorded,
  SessionEvent,
  SessionStatus,
  SessionType,
  StepCompleted,
  StepName,
  StepResult,
} from './session.events';

export interface StepRecord {
  readonly step: StepName;
  readonly attempt: number;
  readonly runId: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly outcome: StepCompleted['data']['outcome'] | null;
  readonly detail: string | null;
  readonly result: StepResult | null;
}

export interface SessionState {
  readonly exists: boolean;
  readonly version: number;
  readonly sessionId: string;
  readonly projectId: string;
  readonly componentId: string;
  readonly componentName: string;
  readonly type: SessionType;
  readonly parentId: string | null;
  readonly status: SessionStatus;
  readonly maxIterations: number;
  readonly budget: { readonly maxLlmCalls: number; readonly maxTokens: number };
  readonly startedBy: Identity;
  readonly correlationId: string;
  readonly parameters: LlmParameters;
  readonly steps: readonly StepRecord[];
  readonly llmCalls: readonly LlmCallRecorded['data'][];
  readonly tokensUsed: number;
  readonly reason: string | null;
  readonly summary: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const initialSessionState: SessionState = {
  exists: false,
  version: 0,
  sessionId: '',
  projectId: '',
  componentId: '',
  componentName: '',
  type: 'DESIGN',
  parentId: null,
  status: 'RUNNING',
  maxIterations: 0,
  budget: { maxLlmCalls: 0, maxTokens: 0 },
  startedBy: { subject: '', role: 'VIEWER', projectId: null, actor: '' },
  correlationId: '',
  parameters: { model: '', temperature: 0, maxTokens: null },
  steps: [],
  llmCalls: [],
  tokensUsed: 0,
  reason: null,
  summary: null,
  createdAt: '',
  updatedAt: '',
};

/** The step started but not completed: what a resumed driver must finish first. */
export function inFlightStep(state: SessionState): StepRecord | null {
  const last = state.steps[state.steps.length - 1];
  return last && last.finishedAt === null ? last : null;
}

export function completedSteps(state: SessionState): StepRecord[] {
  return state.steps.filter((s) => s.finishedAt !== null);
}

type EventData<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>['data'];

function started(next: SessionState, d: EventData<'SessionStarted'>): SessionState {
  return {
    ...next,
    exists: true,
    sessionId: d.sessionId,
    projectId: d.projectId,
    componentId: d.componentId,
    componentName: d.componentName,
    type: d.sessionType,
    parentId: d.parentId,
    status: 'RUNNING',
    maxIterations: d.maxIterations,
    budget: d.budget,
    startedBy: d.startedBy,
    correlationId: d.correlationId,
    parameters: d.parameters,
    createdAt: d.at,
    updatedAt: d.at,
  };
}

/** The in-flight record of this step and attempt, finished with its outcome and result. */
function completed(steps: readonly StepRecord[], d: EventData<'StepCompleted'>): StepRecord[] {
  return steps.map((s) =>
    s.step === d.step && s.attempt === d.attempt && s.finishedAt === null
      ? { ...s, finishedAt: d.at, outcome: d.outcome, detail: d.detail, result: d.result }
      : s,
  );
}

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'SessionStarted':
      return started(next, event.data);
    case 'StepStarted':
      return {
        ...next,
        steps: [
          ...state.steps,
          {
            step: event.data.step,
            attempt: event.data.attempt,
            runId: event.data.runId,
            startedAt: event.data.at,
            finishedAt: null,
            outcome: null,
            detail: null,
            result: null,
          },
        ],
        updatedAt: event.data.at,
      };
    case 'LlmCallRecorded':
      return {
        ...next,
        llmCalls: [...state.llmCalls, event.data],
        tokensUsed: state.tokensUsed + event.data.promptTokens + event.data.completionTokens,
        updatedAt: event.data.at,
      };
    case 'StepCompleted':
      return { ...next, steps: completed(state.steps, event.data), updatedAt: event.data.at };
    case 'SessionSucceeded':
      return { ...next, status: 'SUCCEEDED', summary: event.data.summary, updatedAt: event.data.at };
    case 'SessionFailed':
      return { ...next, status: 'FAILED', reason: event.data.reason, updatedAt: event.data.at };
    case 'SessionCancelled':
      return {
        ...next,
        status: 'CANCELLED',
        reason: `cancelled by ${event.data.by}`,
        updatedAt: event.data.at,
      };
    default: {
      const unknown: never = event;
      throw new Error(`unknown session event ${(unknown as { type: string }).type}`);
    }
  }
}
