import type {
  ArtifactCommitted,
  Publication,
  PublicSessionEvent,
  SandboxRunRecorded,
  ServicePublication,
} from '@app/domain';
import type { SessionEvent } from '../session/session.events';
import { AUDIT_ONLY, GIT_COMMIT_STREAM, SANDBOX_RUN_STREAM } from '@app/domain';
import { SESSION_STREAM } from '../session/session.events';
import { WORKSPACE_STREAM } from '../workspace/workspace.events';

/**
 * A sandbox run's record is declared in the kernel as the contract itself (the architect derives
 * red and green evidence from it), so it is published as recorded: changing it is a contract change.
 */
export const sandboxRunPublication: Publication<SandboxRunRecorded, SandboxRunRecorded> = {
  SandboxRunRecorded: (data) => ({ type: 'SandboxRunRecorded', data }),
};

/** A session's start and end (the architect keeps which components have one running); its steps are audit only. */
export const sessionPublication: Publication<SessionEvent, PublicSessionEvent> = {
  SessionStarted: (data) => ({
    type: 'SessionStarted',
    data: {
      sessionId: data.sessionId,
      projectId: data.projectId,
      componentId: data.componentId,
      componentName: data.componentName,
      sessionType: data.sessionType,
      parentId: data.parentId,
      maxIterations: data.maxIterations,
      budget: { maxLlmCalls: data.budget.maxLlmCalls, maxTokens: data.budget.maxTokens },
      at: data.at,
    },
  }),
  SessionSucceeded: (data) => ({ type: 'SessionSucceeded', data: { summary: data.summary, at: data.at } }),
  SessionFailed: (data) => ({ type: 'SessionFailed', data: { reason: data.reason, at: data.at } }),
  SessionCancelled: (data) => ({ type: 'SessionCancelled', data: { by: data.by, at: data.at } }),
  StepStarted: AUDIT_ONLY,
  LlmCallRecorded: AUDIT_ONLY,
  StepCompleted: AUDIT_ONLY,
};

/** The git record's commits, declared in the kernel as the contract itself. */
export const gitCommitPublication: Publication<ArtifactCommitted, ArtifactCommitted> = {
  ArtifactCommitted: (data) => ({ type: 'ArtifactCommitted', data }),
};

/** What the sessions service publishes, by stream type; its other streams are on the audit timeline only. */
export const sessionsPublication: ServicePublication = {
  [SANDBOX_RUN_STREAM]: sandboxRunPublication,
  [GIT_COMMIT_STREAM]: gitCommitPublication,
  [SESSION_STREAM]: sessionPublication,
  [WORKSPACE_STREAM]: AUDIT_ONLY,
  prompt: AUDIT_ONLY,
  'story-review': AUDIT_ONLY,
  'project-sandbox': AUDIT_ONLY,
};
