/** Commands of a `project-<id>` stream. Time (`at`) and ids come in with the command. */
export interface CreateProject {
  readonly type: 'CreateProject';
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly at: string;
}

export interface RenameProject {
  readonly type: 'RenameProject';
  readonly projectId: string;
  readonly name: string;
  readonly at: string;
}

export interface ArchiveProject {
  readonly type: 'ArchiveProject';
  readonly projectId: string;
  readonly at: string;
}

export interface UnarchiveProject {
  readonly type: 'UnarchiveProject';
  readonly projectId: string;
  readonly at: string;
}

export type ProjectCommand = CreateProject | RenameProject | ArchiveProject | UnarchiveProject;
