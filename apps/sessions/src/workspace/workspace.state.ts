import type { WorkspaceEvent } from './workspace.events';

export interface WorkspaceEntry {
  readonly sha256: string;
  readonly size: number;
  /** The workspace version that last wrote this path. */
  readonly version: number;
}

export interface WorkspaceState {
  readonly version: number;
  readonly files: ReadonlyMap<string, WorkspaceEntry>;
}

export const emptyWorkspace: WorkspaceState = { version: 0, files: new Map() };

/** The path → blob map after one more version. */
export function evolveWorkspace(
  state: WorkspaceState,
  event: WorkspaceEvent,
  version: number,
): WorkspaceState {
  switch (event.type) {
    case 'WorkspaceFilesWritten': {
      const files = new Map(state.files);
      for (const file of event.data.files)
        files.set(file.path, { sha256: file.sha256, size: file.size, version });
      return { version, files };
    }
    default: {
      const unknown: never = event.type;
      throw new Error(`unknown workspace event ${String(unknown)}`);
    }
  }
}

/** Only the files whose content differs from what the workspace holds now. */
export function changedFiles<F extends { path: string; sha256: string }>(
  state: WorkspaceState,
  files: readonly F[],
): F[] {
  return files.filter((file) => state.files.get(file.path)?.sha256 !== file.sha256);
}
