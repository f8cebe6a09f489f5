import { DomainError, NotFoundError, ProjectArchivedError, ValidationError } from '@app/domain';
import { deciderSpec } from '@app/testing/decider-spec';
import type { CreateProject, ProjectCommand, RenameProject } from './project.commands';
import { foldProject, projectDecider } from './project.decider';
import type { ProjectCreated, ProjectEvent } from './project.events';
import { isProjectEvent, PROJECT_EVENT_TYPES } from './project.events';
import { projectStreamId } from './project.stream';

const spec = deciderSpec(projectDecider);
const T0 = '2025-03-01T10:00:00.000Z';
const T1 = '2025-03-01T11:00:00.000Z';
const T2 = '2025-03-01T12:00:00.000Z';
const T3 = '2025-03-01T13:00:00.000Z';

const create = (overrides: Partial<CreateProject> = {}): CreateProject => ({
  type: 'CreateProject',
  projectId: 'pr-1',
  name: 'CodeMySpec',
  description: 'Spec-driven development',
  at: T0,
  ...overrides,
});
const rename = (name: string, at = T1): RenameProject => ({
  type: 'RenameProject',
  projectId: 'pr-1',
  name,
  at,
});
const archive: ProjectCommand = { type: 'ArchiveProject', projectId: 'pr-1', at: T2 };

const created: ProjectCreated = {
  type: 'ProjectCreated',
  data: { projectId: 'pr-1', name: 'CodeMySpec', description: 'Spec-driven development', createdAt: T0 },
};
const archived: ProjectEvent = { type: 'ProjectArchived', data: { archivedAt: T2 } };

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('project decider', () => {
  describe('CreateProject', () => {
    it('creates the project with trimmed name and description', () => {
      spec
        .given([])
        .when(create({ name: '  CodeMySpec ', description: ' Spec-driven development\n' }))
        .then([created]);
      spec.given([]).when(create()).thenState({
        id: 'pr-1',
        name: 'CodeMySpec',
        description: 'Spec-driven development',
        createdAt: T0,
        updatedAt: T0,
        archivedAt: null,
        version: 1,
      });
    });

    it('accepts a 120-character name and a 10,000-character description', () => {
      const name = 'n'.repeat(120);
      const description = 'd'.repeat(10_000);
      spec
        .given([])
        .when(create({ name, description }))
        .then([{ type: 'ProjectCreated', data: { projectId: 'pr-1', name, description, createdAt: T0 } }]);
    });

    it('rejects creating an existing project with CONFLICT', () => {
      spec.given([created]).when(create()).thenThrows(DomainError, 'project pr-1 already exists');
      let thrown: unknown;
      try {
        projectDecider.decide(create(), foldProject([created]));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'CONFLICT', details: { id: 'pr-1', currentVersion: 1 } });
    });

    it('rejects an empty name (after trimming)', () => {
      spec
        .given([])
        .when(create({ name: '   ' }))
        .thenThrows(ValidationError, /name must not be empty/);
    });

    it('rejects a name over 120 characters and a description over 10,000', () => {
      expect(
        problemsOf(() =>
          projectDecider.decide(create({ name: 'n'.repeat(121), description: 'd'.repeat(10_001) }), null),
        ),
      ).toEqual([
        { field: 'name', message: 'must be at most 120 characters' },
        { field: 'description', message: 'must be at most 10000 characters' },
      ]);
    });
  });

  describe('RenameProject', () => {
    it('renames the project', () => {
      spec
        .given([created])
        .when(rename(' Spec Studio '))
        .then([{ type: 'ProjectRenamed', data: { name: 'Spec Studio', renamedAt: T1 } }]);
      expect(
        foldProject([created, { type: 'ProjectRenamed', data: { name: 'Spec Studio', renamedAt: T1 } }]),
      ).toMatchObject({ name: 'Spec Studio', updatedAt: T1, version: 2 });
    });

    it('emits nothing for the same name', () => {
      spec.given([created]).when(rename(' CodeMySpec ')).then([]);
    });

    it('rejects a missing project', () => {
      spec.given([]).when(rename('x')).thenThrows(NotFoundError, 'project pr-1 was not found');
    });

    it('rejects an archived project with FORBIDDEN', () => {
      spec
        .given([created, archived])
        .when(rename('New'))
        .thenThrows(ProjectArchivedError, /archived/);
      expect(() => projectDecider.decide(rename('New'), foldProject([created, archived]))).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    });

    it('rejects an empty or over-long name', () => {
      expect(problemsOf(() => projectDecider.decide(rename(' '), foldProject([created])))).toEqual([
        { field: 'name', message: 'must not be empty' },
      ]);
      expect(
        problemsOf(() => projectDecider.decide(rename('n'.repeat(121)), foldProject([created]))),
      ).toEqual([{ field: 'name', message: 'must be at most 120 characters' }]);
    });
  });

  describe('ArchiveProject', () => {
    it('archives the project', () => {
      spec.given([created]).when(archive).then([archived]);
      expect(foldProject([created, archived])).toMatchObject({ archivedAt: T2, updatedAt: T2, version: 2 });
    });

    it('emits nothing for an archived project', () => {
      spec.given([created, archived]).when(archive).then([]);
    });

    it('rejects a missing project', () => {
      spec.given([]).when(archive).thenThrows(NotFoundError, 'project pr-1 was not found');
    });
  });

  describe('UnarchiveProject', () => {
    const unarchive: ProjectCommand = { type: 'UnarchiveProject', projectId: 'pr-1', at: T3 };
    const unarchived: ProjectEvent = { type: 'ProjectUnarchived', data: { unarchivedAt: T3 } };

    it('unarchives an archived project, which can then be renamed again', () => {
      spec.given([created, archived]).when(unarchive).then([unarchived]);
      expect(foldProject([created, archived, unarchived])).toMatchObject({ archivedAt: null, version: 3 });
      spec
        .given([created, archived, unarchived])
        .when(rename('Again'))
        .then([{ type: 'ProjectRenamed', data: { name: 'Again', renamedAt: T1 } }]);
    });

    it('emits nothing for a project that is not archived', () => {
      spec.given([created]).when(unarchive).then([]);
    });
  });

  it('folds to any version and ignores events before creation', () => {
    expect(foldProject([created, archived], 1)).toMatchObject({ archivedAt: null, version: 1 });
    expect(foldProject([archived])).toBeNull();
  });

  it('rejects an unknown command type', () => {
    expect(() => projectDecider.decide({ type: 'Explode' } as unknown as ProjectCommand, null)).toThrow(
      'unexpected project command',
    );
  });

  it('names streams and lists event types', () => {
    expect(projectStreamId('pr-1')).toBe('project-pr-1');
    expect(PROJECT_EVENT_TYPES).toEqual([
      'ProjectCreated',
      'ProjectRenamed',
      'ProjectArchived',
      'ProjectUnarchived',
    ]);
    expect(isProjectEvent(created)).toBe(true);
    expect(isProjectEvent({ type: 'StoryCreated' })).toBe(false);
  });
});
