import { assertNever } from '@app/domain';
import type { ProjectEvent } from './project.events';

export interface Project {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archivedAt: string | null;
  /** Number of events folded in. */
  readonly version: number;
}

/** `null` until the stream holds a ProjectCreated. */
export type ProjectState = Project | null;

export function initialProjectState(): ProjectState {
  return null;
}

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectCreated')
    return {
      id: event.data.projectId,
      name: event.data.name,
      description: event.data.description,
      createdAt: event.data.createdAt,
      updatedAt: event.data.createdAt,
      archivedAt: null,
      version: (state?.version ?? 0) + 1,
    };
  if (state === null) return null;
  switch (event.type) {
    case 'ProjectRenamed':
      return { ...state, name: event.data.name, updatedAt: event.data.renamedAt, version: state.version + 1 };
    case 'ProjectArchived':
      return {
        ...state,
        archivedAt: event.data.archivedAt,
        updatedAt: event.data.archivedAt,
        version: state.version + 1,
      };
    case 'ProjectUnarchived':
      return {
        ...state,
        archivedAt: null,
        updatedAt: event.data.unarchivedAt,
        version: state.version + 1,
      };
    default:
      return assertNever(event, 'project event');
  }
}
