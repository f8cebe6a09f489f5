import type { EntityManager } from 'typeorm';
import { isUuid } from '@app/domain';
import { writeEntity } from '@app/platform';
import type { Project } from '../project/project.state';
import { ProjectRecord } from './project-record.entity';

/** Writes the project's current state into the `projects` read model (same transaction as its events). */
export async function saveProjectRecord(manager: EntityManager, project: Project): Promise<void> {
  await writeEntity(
    manager,
    ProjectRecord,
    {
      id: project.id,
      name: project.name,
      description: project.description,
      archived: project.archivedAt !== null,
      version: project.version,
      createdAt: new Date(project.createdAt),
      updatedAt: new Date(project.updatedAt),
    },
    'update',
  );
}

export async function findProjectRecord(manager: EntityManager, id: string): Promise<ProjectRecord | null> {
  if (!isUuid(id)) return null;
  return manager.findOneBy(ProjectRecord, { id });
}
