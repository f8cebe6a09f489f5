import type { Publication, SandboxRunRecorded, ServicePublication } from '@app/domain';
import { AUDIT_ONLY, SANDBOX_RUN_STREAM } from '@app/domain';
import { SESSION_STREAM } from '../session/session.events';
import { WORKSPACE_STREAM } from '../workspace/workspace.events';

/**
 * A sandbox run's record is declared in the kernel as the contract itself (the architect derives
 * red and green evidence from it), so it is published as recorded: changing it is a contract change.
 */
export const sandboxRunPublication: Publication<SandboxRunRecorded, SandboxRunRecorded> = {
  SandboxRunRecorded: (data) => ({ type: 'SandboxRunRecorded', data }),
};

/** What the sessions service publishes, by stream type; its other streams are on the audit timeline only. */
export const sessionsPublication: ServicePublication = {
  [SANDBOX_RUN_STREAM]: sandboxRunPublication,
  [SESSION_STREAM]: AUDIT_ONLY,
  [WORKSPACE_STREAM]: AUDIT_ONLY,
  prompt: AUDIT_ONLY,
  'story-review': AUDIT_ONLY,
  'project-sandbox': AUDIT_ONLY,
};
