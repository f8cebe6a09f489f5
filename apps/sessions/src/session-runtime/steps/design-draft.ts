import type { WorkspaceService } from '../../workspace/workspace.service';
import { lastResult } from '../../session/session-files';
import type { SessionState } from '../../session/session.state';

/** The session's newest design draft, read back from its blob. */
export async function currentDraft(workspaces: WorkspaceService, state: SessionState): Promise<string> {
  const draft = lastResult(state, ['generate_design', 'revise_design'], 'draft');
  if (!draft) throw new Error('there is no draft design yet');
  const content = await workspaces.getBlob(draft.designSha256);
  if (content === null) throw new Error(`draft blob ${draft.designSha256} is missing`);
  return content.toString('utf8');
}
