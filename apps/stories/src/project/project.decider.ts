import type { Decider, FieldProblem } from '@app/domain';
import { assertNever, DomainError, NotFoundError, ProjectArchivedError, ValidationError } from '@app/domain';
import type {
  ArchiveProject,
  CreateProject,
  ProjectCommand,
  RenameProject,
  UnarchiveProject,
} from './project.commands';
import type {
  ProjectArchived,
  ProjectCreated,
  ProjectEvent,
  ProjectRenamed,
  ProjectUnarchived,
} from './project.events';
import type { Project, ProjectState } from './project.state';
import { evolveProject, initialProjectState } from './project.state';

export const PROJECT_LIMITS = { nameMaxLength: 120, descriptionMaxLength: 10_000 } as const;

function nameProblems(name: string): FieldProblem[] {
  if (name.length === 0) return [{ field: 'name', message: 'must not be empty' }];
  if (name.length > PROJECT_LIMITS.nameMaxLength)
    return [{ field: 'name', message: `must be at most ${PROJECT_LIMITS.nameMaxLength} characters` }];
  return [];
}

function rejectIfInvalid(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  const summary = problems.map((p) => `${p.field} ${p.message}`).join('; ');
  throw new ValidationError(`invalid project: ${summary}`, problems);
}

function requireProject(state: ProjectState, projectId: string): Project {
  if (state === null) throw new NotFoundError('project', projectId);
  return state;
}

function decideCreateProject(command: CreateProject, state: ProjectState): ProjectCreated[] {
  if (state !== null)
    throw new DomainError('CONFLICT', `project ${command.projectId} already exists`, {
      id: command.projectId,
      currentVersion: state.version,
    });
  const name = command.name.trim();
  const description = command.description.trim();
  const problems = nameProblems(name);
  if (description.length > PROJECT_LIMITS.descriptionMaxLength)
    problems.push({
      field: 'description',
      message: `must be at most ${PROJECT_LIMITS.descriptionMaxLength} characters`,
    });
  rejectIfInvalid(problems);
  return [
    {
      type: 'ProjectCreated',
      data: { projectId: command.projectId, name, description, createdAt: command.at },
    },
  ];
}

/** Nothing when the (trimmed) name is unchanged; an archived project keeps its name. */
function decideRenameProject(command: RenameProject, state: ProjectState): ProjectRenamed[] {
  const project = requireProject(state, command.projectId);
  if (project.archivedAt !== null) throw new ProjectArchivedError(command.projectId);
  const name = command.name.trim();
  rejectIfInvalid(nameProblems(name));
  if (name === project.name) return [];
  return [{ type: 'ProjectRenamed', data: { name, renamedAt: command.at } }];
}

/** Archiving an archived project emits nothing. */
function decideArchiveProject(command: ArchiveProject, state: ProjectState): ProjectArchived[] {
  const project = requireProject(state, command.projectId);
  if (project.archivedAt !== null) return [];
  return [{ type: 'ProjectArchived', data: { archivedAt: command.at } }];
}

/** Unarchiving a project that is not archived emits nothing. */
function decideUnarchiveProject(command: UnarchiveProject, state: ProjectState): ProjectUnarchived[] {
  const project = requireProject(state, command.projectId);
  if (project.archivedAt === null) return [];
  return [{ type: 'ProjectUnarchived', data: { unarchivedAt: command.at } }];
}

export function decideProject(command: ProjectCommand, state: ProjectState): readonly ProjectEvent[] {
  switch (command.type) {
    case 'CreateProject':
      return decideCreateProject(command, state);
    case 'RenameProject':
      return decideRenameProject(command, state);
    case 'ArchiveProject':
      return decideArchiveProject(command, state);
    case 'UnarchiveProject':
      return decideUnarchiveProject(command, state);
    default:
      return assertNever(command, 'project command');
  }
}

/** The project decider, for `new CommandHandler(store, projectDecider)` on `projectStreamId(id)`. */
export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
};

/** The project after its events (or the first `atVersion` of them); `null` before creation. */
export function foldProject(events: readonly ProjectEvent[], atVersion?: number): ProjectState {
  const upTo = atVersion === undefined ? events : events.slice(0, Math.max(0, atVersion));
  return upTo.reduce(evolveProject, initialProjectState());
}
