/** The events of a `project-<id>` stream. Type strings are permanent. */
export interface ProjectCreated {
  readonly type: 'ProjectCreated';
  readonly data: {
    readonly projectId: string;
    readonly name: string;
    readonly description: string;
    readonly createdAt: string;
  };
}

export interface ProjectRenamed {
  readonly type: 'ProjectRenamed';
  readonly data: { readonly name: string; readonly renamedAt: string };
}

export interface ProjectArchived {
  readonly type: 'ProjectArchived';
  readonly data: { readonly archivedAt: string };
}

export interface ProjectUnarchived {
  readonly type: 'ProjectUnarchived';
  readonly data: { readonly unarchivedAt: string };
}

export type ProjectEvent = ProjectCreated | ProjectRenamed | ProjectArchived | ProjectUnarchived;

export type ProjectEventType = ProjectEvent['type'];

export const PROJECT_EVENT_TYPES: readonly ProjectEventType[] = [
  'ProjectCreated',
  'ProjectRenamed',
  'ProjectArchived',
  'ProjectUnarchived',
];

export function isProjectEvent(event: { readonly type: string }): event is ProjectEvent {
  return (PROJECT_EVENT_TYPES as readonly string[]).includes(event.type);
}
