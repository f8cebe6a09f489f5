import type { Decider } from '@app/domain';
import type { WorkspaceEvent, WorkspaceWriter } from './workspace.events';
import type { WorkspaceState } from './workspace.state';
import { changedFiles, emptyWorkspace, evolveWorkspace } from './workspace.state';

/** Writes files into a project's workspace (their contents are blobs already hashed by the caller). */
export interface WriteWorkspaceFiles {
  readonly type: 'WriteWorkspaceFiles';
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly size: number }[];
  readonly writer: WorkspaceWriter;
  readonly at: string;
}

/** A new version holds only the files whose content changed; writing the same files makes none. */
export const workspaceDecider: Decider<WriteWorkspaceFiles, WorkspaceState, WorkspaceEvent> = {
  decide: (command, state) => {
    const changed = changedFiles(state, command.files);
    if (changed.length === 0) return [];
    return [
      {
        type: 'WorkspaceFilesWritten',
        data: {
          files: changed.map((f) => ({ path: f.path, sha256: f.sha256, size: f.size })),
          writer: command.writer,
          at: command.at,
        },
      },
    ];
  },
  evolve: (state, event) => evolveWorkspace(state, event, state.version + 1),
  initialState: () => emptyWorkspace,
};
