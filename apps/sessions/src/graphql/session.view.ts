import type { SessionModel, SessionStatusEnum, SessionTypeEnum } from './session.model';
import { llmCallView } from './llm-call.view';
import { sessionRunIds } from '../session/session-files';
import type { SessionState } from '../session/session.state';

/** The GraphQL view of a session's state. */
export function sessionView(state: SessionState): SessionModel {
  const commit = state.steps.find((s) => s.result?.kind === 'commit')?.result;
  return {
    id: state.sessionId,
    type: state.type as SessionTypeEnum,
    status: state.status as SessionStatusEnum,
    projectId: state.projectId,
    componentId: state.componentId,
    componentName: state.componentName,
    parentId: state.parentId,
    maxIterations: state.maxIterations,
    steps: state.steps.map((s) => ({
      name: s.step,
      attempt: s.attempt,
      status: s.outcome ?? (state.status === 'RUNNING' ? 'RUNNING' : state.status),
      startedAt: s.startedAt,
      finishedAt: s.finishedAt,
      detail: s.detail,
    })),
    llmCalls: state.llmCalls.map((c) => llmCallView(c, c.step, c.attempt)),
    budget: {
      maxLlmCalls: state.budget.maxLlmCalls,
      maxTokens: state.budget.maxTokens,
      llmCallsUsed: state.llmCalls.length,
      tokensUsed: state.tokensUsed,
    },
    reason: state.reason,
    summary: state.summary,
    commit: commit?.kind === 'commit' ? commit.commit : null,
    startedBy: state.startedBy.actor,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    runIds: sessionRunIds(state),
  };
}
