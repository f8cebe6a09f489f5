export const WORKSPACE_STREAM = 'workspace';

export function workspaceStreamId(projectId: string): string {
  return `${WORKSPACE_STREAM}-${projectId}`;
}

/** Who wrote files into a workspace: a person's upload (runTests) or a session's step. */
export type WorkspaceWriter =
  | { readonly kind: 'manual'; readonly runId: string }
  | { readonly kind: 'session'; readonly sessionId: string; readonly step: string };

/** A new workspace version: the files that changed in it (path → content blob). */
export interface WorkspaceFilesWritten {
  readonly type: 'WorkspaceFilesWritten';
  readonly data: {
    readonly files: readonly { readonly path: string; readonly sha256: string; readonly size: number }[];
    readonly writer: WorkspaceWriter;
    readonly at: string;
  };
}

export type WorkspaceEvent = WorkspaceFilesWritten;
